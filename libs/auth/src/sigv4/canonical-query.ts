import { percentDecode, uriEncodeBytes } from './uri-encode';

/** One query parameter as the client meant it: decoded bytes, `a` without '=' having an empty value. */
interface RawPair {
  key: Buffer;
  value: Buffer;
}

function splitPairs(rawQuery: string): RawPair[] {
  const pairs: RawPair[] = [];
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq === -1 ? part : part.slice(0, eq);
    const value = eq === -1 ? '' : part.slice(eq + 1);
    pairs.push({ key: percentDecode(key), value: percentDecode(value) });
  }
  return pairs;
}

/**
 * Decoded query parameters in order of appearance, as UTF-8 strings. Used to read the
 * X-Amz-* parameters of a presigned URL; the canonical query itself is built from bytes.
 */
export function parseQuery(rawQuery: string): Array<[string, string]> {
  return splitPairs(rawQuery).map(({ key, value }) => [key.toString('utf8'), value.toString('utf8')]);
}

export interface CanonicalQueryOptions {
  /** Decoded parameter names left out (X-Amz-Signature of a presigned URL). */
  exclude?: readonly string[];
}

/**
 * CanonicalQueryString: every parameter decoded then UriEncoded (slash encoded too), `key=value`
 * with `key=` for a parameter without value, sorted by encoded key then encoded value.
 */
export function canonicalQuery(rawQuery: string, options: CanonicalQueryOptions = {}): string {
  const exclude = new Set(options.exclude ?? []);
  const encoded: Array<[string, string]> = [];
  for (const { key, value } of splitPairs(rawQuery)) {
    if (exclude.size > 0 && exclude.has(key.toString('utf8'))) continue;
    encoded.push([uriEncodeBytes(key, true), uriEncodeBytes(value, true)]);
  }
  // Encoded strings are plain ASCII, so code-unit order is the byte order AWS sorts by.
  encoded.sort(([ka, va], [kb, vb]) => (ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0));
  return encoded.map(([k, v]) => `${k}=${v}`).join('&');
}
