import type { IncomingHttpHeaders } from 'node:http';
import { headerValue } from '../sigv4/header-value';
import { SIGNED_SUBRESOURCES } from './subresources';
import type { SigV2Request } from './types';

/**
 * CanonicalizedAmzHeaders: every `x-amz-*` header, name lowercased, sorted by name, repeated
 * headers joined with ',' (in the order sent, hence rawHeaders: Node joins them with ', '),
 * folded lines unfolded and values trimmed; each as `name:value\n`.
 */
export function canonicalAmzHeaders(headers: IncomingHttpHeaders, rawHeaders?: readonly string[]): string {
  const values = new Map<string, string[]>();
  const add = (name: string, value: string): void => {
    const lower = name.toLowerCase();
    if (!lower.startsWith('x-amz-')) return;
    values.set(lower, [...(values.get(lower) ?? []), value.replace(/\s*\r?\n\s*/g, ' ').trim()]);
  };
  if (rawHeaders) for (let i = 0; i + 1 < rawHeaders.length; i += 2) add(rawHeaders[i], rawHeaders[i + 1]);
  else for (const [name, value] of Object.entries(headers)) for (const v of [value ?? []].flat()) add(name, v);
  return [...values.keys()]
    .sort()
    .map((name) => `${name}:${values.get(name)!.join(',')}\n`)
    .join('');
}

/**
 * CanonicalizedResource: `/bucket` when the Host named the bucket (virtual-host style), then the
 * path as sent (still percent-encoded), then the signed sub-resources sorted by name with their
 * values decoded: `?acl`, `?partNumber=2&uploadId=abc`.
 */
export function canonicalResource(rawPath: string, rawQuery: string, hostBucket?: string): string {
  const subresources: string[] = [];
  for (const part of rawQuery.split('&')) {
    const eq = part.indexOf('=');
    const name = decodeQueryText(eq < 0 ? part : part.slice(0, eq));
    if (!SIGNED_SUBRESOURCES.has(name)) continue;
    subresources.push(eq < 0 ? name : `${name}=${decodeQueryText(part.slice(eq + 1))}`);
  }
  // Stable sort by name: a repeated parameter keeps the order it was sent in.
  subresources.sort((a, b) => {
    const [na, nb] = [a.split('=')[0], b.split('=')[0]];
    return na < nb ? -1 : na > nb ? 1 : 0;
  });
  const path = (hostBucket !== undefined ? `/${hostBucket}` : '') + (rawPath === '' ? '/' : rawPath);
  return subresources.length === 0 ? path : `${path}?${subresources.join('&')}`;
}

function decodeQueryText(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/**
 * The SigV2 StringToSign: method, Content-MD5, Content-Type and the date element (the Date
 * header, empty when x-amz-date is sent, or Expires for a presigned URL), then the
 * canonicalized x-amz-* headers and the canonicalized resource.
 */
export function stringToSignV2(req: SigV2Request, dateElement: string): string {
  return [
    req.method,
    headerValue(req.headers, 'content-md5') ?? '',
    headerValue(req.headers, 'content-type') ?? '',
    dateElement,
    canonicalAmzHeaders(req.headers, req.rawHeaders) + canonicalResource(req.rawPath, req.rawQuery, req.hostBucket),
  ].join('\n');
}
