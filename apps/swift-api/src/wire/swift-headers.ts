import type { IncomingHttpHeaders } from 'node:http';
import type { MetaChanges } from '@gw/core';
import type { Response } from 'express';

/** X-Timestamp as Swift writes it: seconds since the epoch with five decimals. */
export const swiftTimestamp = (date: Date): string => (date.getTime() / 1000).toFixed(5);

/** The user metadata of `X-{kind}-Meta-*` headers, by lower-case name (what S3 calls x-amz-meta-*). */
export function readMetaHeaders(headers: IncomingHttpHeaders, kind: 'object' | 'container' | 'account'): Record<string, string> {
  const prefix = `x-${kind}-meta-`;
  const meta: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.startsWith(prefix) && name.length > prefix.length && value !== undefined) meta[name.slice(prefix.length)] = String(value);
  }
  return meta;
}

export function writeMetaHeaders(res: Response, meta: Record<string, string>, kind: 'Object' | 'Container' | 'Account'): void {
  for (const [name, value] of Object.entries(meta)) res.setHeader(`X-${kind}-Meta-${name}`, value);
}

/**
 * A POST's changes to account or container metadata: `X-{Kind}-Meta-Name: value` sets, an empty
 * value or `X-Remove-{Kind}-Meta-Name` removes; entries not named stay.
 */
export function readMetaChanges(headers: IncomingHttpHeaders, kind: 'container' | 'account'): MetaChanges {
  const set: Record<string, string> = {};
  const remove: string[] = [];
  // The KakaoCloud bucket document sets bucket metadata with `X-Object-Meta-*` on a container
  // POST; `X-Container-Meta-*` (Swift's own form) wins when both name the same entry.
  const written = kind === 'container' ? { ...readMetaHeaders(headers, 'object'), ...readMetaHeaders(headers, kind) } : readMetaHeaders(headers, kind);
  for (const [name, value] of Object.entries(written)) {
    if (value === '') remove.push(name);
    else set[name] = value;
  }
  remove.push(...Object.keys(readMetaHeaders(headers, `remove-${kind}` as 'container')));
  for (const name of remove) delete set[name];
  return { set, remove };
}
