import { GatewayError } from '@gw/core';

/**
 * What a /v1_ext path names: the bucket collection (`/v1_ext/bucket`), one bucket
 * (`/v1_ext/bucket/{name}`, or `/v1_ext/{name}` as the spec also writes the detail call), or one
 * of a bucket's configuration documents (`/v1_ext/bucket/{name}/cors`, `.../lifecycle`). One
 * trailing slash is tolerated. Undefined for any other path.
 */
export type V1extTarget =
  | { kind: 'buckets' }
  | { kind: 'bucket'; bucket: string; alias: boolean }
  | { kind: 'cors' | 'lifecycle'; bucket: string };

export function parseV1extPath(path: string): V1extTarget | undefined {
  const trimmed = path.endsWith('/') ? path.slice(0, -1) : path;
  const [root, ...segments] = trimmed.split('/').slice(1).map(decode);
  if (root !== 'v1_ext' || segments.some((s) => s === '')) return undefined;
  if (segments[0] !== 'bucket') return segments.length === 1 ? { kind: 'bucket', bucket: segments[0], alias: true } : undefined;
  const [, bucket, document] = segments;
  if (bucket === undefined) return segments.length === 1 ? { kind: 'buckets' } : undefined;
  if (segments.length === 2) return { kind: 'bucket', bucket, alias: false };
  if (segments.length === 3 && (document === 'cors' || document === 'lifecycle')) return { kind: document, bucket };
  return undefined;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new GatewayError('InvalidURI');
  }
}
