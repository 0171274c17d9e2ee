import type { IncomingHttpHeaders } from 'node:http';

/** Trimall of the SigV4 spec: no leading/trailing whitespace, inner runs collapsed to one space. */
function trimAll(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}

/** Values of one header in order of appearance, from rawHeaders when we have them. */
function headerValues(name: string, headers: IncomingHttpHeaders, rawHeaders?: readonly string[]): string[] | undefined {
  if (rawHeaders) {
    const values: string[] = [];
    for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
      if (rawHeaders[i].toLowerCase() === name) values.push(rawHeaders[i + 1]);
    }
    if (values.length > 0) return values;
  }
  const value = headers[name];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value : [value];
}

/**
 * CanonicalHeaders: `name:value\n` for each signed header, names lowercase and sorted, values
 * trimmed and collapsed, repeated headers joined with ','. `rawHeaders` is preferred because
 * Node joins repeated headers with ', ' (and drops repeats of some), which is not what the client
 * signed. A signed header the request does not carry is signed with an empty value, as AWS does.
 */
export function canonicalHeaders(
  signedHeaders: readonly string[],
  headers: IncomingHttpHeaders,
  rawHeaders?: readonly string[],
): string {
  let out = '';
  for (const name of normaliseSignedHeaders(signedHeaders)) {
    const values = headerValues(name, headers, rawHeaders) ?? [];
    out += `${name}:${values.map(trimAll).join(',')}\n`;
  }
  return out;
}

/** The SignedHeaders list as it appears in the canonical request: lowercase, sorted. */
export function normaliseSignedHeaders(signedHeaders: readonly string[]): string[] {
  return signedHeaders.map((h) => h.toLowerCase()).sort();
}
