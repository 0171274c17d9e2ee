/**
 * Swift TempURL access: checks a request's `temp_url_*` parameters against the temp URL keys and
 * turns a valid signature into the scope the access decision point honours.
 *
 * API: `tempUrlScope(input)` -> a verified `SignedScope` (the object, or every object under
 * `temp_url_prefix`, for the action of the signed method), or undefined when the signature, its
 * expiry, the method, the path or the caller's address does not match.
 *
 * Methods as Swift's tempurl middleware allows them by default (GET HEAD PUT POST DELETE), each
 * granting the action that method performs on an object.
 */
import type { Action } from '../access/actions';
import { SignedScope, verifiedScope } from '../access/signed-scope';
import { TempUrlRequest, verifyTempUrl } from './tempurl-signature';

const METHOD_ACTIONS: Record<string, Action> = {
  GET: 'storage.objects.get',
  HEAD: 'storage.objects.get',
  PUT: 'storage.objects.create',
  POST: 'storage.objects.create',
  DELETE: 'storage.objects.delete',
};

/** The methods a temp URL can be signed for (what /info advertises). */
export const TEMP_URL_METHODS: readonly string[] = Object.keys(METHOD_ACTIONS);

export interface TempUrlScopeInput extends TempUrlRequest {
  /** The account's and the container's Temp-URL-Key / Temp-URL-Key-2 values that are set. */
  keys: readonly string[];
  accountId: string;
  container: string;
  key: string;
  now?: number;
}

export function tempUrlScope(input: TempUrlScopeInput): SignedScope | undefined {
  const action = METHOD_ACTIONS[input.method];
  if (!action) return undefined;
  const { keys, method, path, sig, expires, prefix, ipRange, clientIp } = input;
  if (!verifyTempUrl(keys, { method, path, sig, expires, prefix, ipRange, clientIp }, input.now)) return undefined;
  return verifiedScope({
    kind: 'tempurl',
    accountId: input.accountId,
    container: input.container,
    target: prefix === undefined ? { key: input.key } : { prefix },
    actions: new Set([action]),
  });
}
