import { GatewayError } from '../errors';

/** S3's limit: a key is at most 1024 bytes of UTF-8. */
export const MAX_KEY_BYTES = 1024;

export function assertValidObjectKey(key: string): void {
  if (key.length === 0) throw new GatewayError('InvalidArgument', 'Object key must not be empty.');
  if (Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES) throw new GatewayError('KeyTooLongError', undefined, { Key: key });
  // Postgres text cannot hold NUL, and a lone surrogate is not UTF-8: refuse both up front.
  if (key.includes('\u0000') || !key.isWellFormed()) {
    throw new GatewayError('InvalidArgument', 'Object key is not valid UTF-8.', { ArgumentName: 'key' });
  }
}

/** Bytewise comparison of the UTF-8 encodings, the order S3 lists keys in. */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * The smallest string greater than every string that starts with `prefix`, in UTF-8 byte order;
 * undefined when no such string exists. Used to seek past a common prefix in one index probe.
 */
export function prefixUpperBound(prefix: string): string | undefined {
  const codePoints = Array.from(prefix);
  while (codePoints.length > 0) {
    const last = codePoints.pop()!.codePointAt(0)!;
    let next = last + 1;
    if (next >= 0xd800 && next <= 0xdfff) next = 0xe000; // surrogates are not characters
    if (next <= 0x10ffff) return codePoints.join('') + String.fromCodePoint(next);
  }
  return undefined;
}
