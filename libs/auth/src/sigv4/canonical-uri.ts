import { percentDecode, uriEncodeBytes } from './uri-encode';

/**
 * CanonicalURI for S3: each '/'-separated segment of the path as received is decoded once and
 * UriEncoded once. Unlike other AWS services S3 does not normalise the path: empty segments,
 * '.' and '..' and a trailing slash are part of object keys, so they are kept. An encoded
 * slash (%2F) inside a segment stays encoded because segments are re-encoded with encodeSlash.
 */
export function canonicalUri(rawPath: string): string {
  if (rawPath === '') return '/';
  return rawPath
    .split('/')
    .map((segment) => uriEncodeBytes(percentDecode(segment), true))
    .join('/');
}
