import { GatewayError } from '@gw/core';

/** What a `/v1/{account}[/{container}[/{object}]]` path addresses. */
export interface SwiftTarget {
  kind: 'account' | 'container' | 'object';
  /** The account as the path names it: its id (`AUTH_` removed) or its name. */
  account: string;
  container?: string;
  object?: string;
}

const RESELLER_PREFIX = 'AUTH_';

/**
 * Parses the raw (still percent-encoded) path of a storage request; undefined when it is not
 * under `/v1/`. The object name keeps its slashes; a trailing slash after the account or the
 * container addresses the account or the container itself, as Swift's proxy does.
 */
export function parseSwiftPath(rawPath: string): SwiftTarget | undefined {
  const match = /^\/v1\/([^/]+)(?:\/([^/]*)(?:\/(.*))?)?$/s.exec(rawPath);
  if (!match) return undefined;
  const [, rawAccount, rawContainer, rawObject] = match;
  const account = decode(rawAccount);
  const target: SwiftTarget = { kind: 'account', account: account.startsWith(RESELLER_PREFIX) ? account.slice(RESELLER_PREFIX.length) : account };
  if (!rawContainer) return target;
  target.kind = 'container';
  target.container = decode(rawContainer);
  if (rawObject === undefined || rawObject === '') return target;
  return { ...target, kind: 'object', object: decode(rawObject) };
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new GatewayError('InvalidURI');
  }
}

/** The storage URL of an account as clients are told it (X-Storage-Url, the catalog). */
export const storageUrl = (publicUrl: string, accountId: string): string => `${publicUrl.replace(/\/+$/, '')}/v1/${RESELLER_PREFIX}${accountId}`;
