import type { IncomingHttpHeaders } from 'node:http';
import type { Response } from 'express';
import type { ObjectRecord, ResolvedRange } from '@gw/core';
import { writeServerSideEncryption } from './server-side-encryption';
import { httpDate } from './timestamps';

/** System headers S3 stores with an object and returns on GET and HEAD. */
export const STORED_HEADERS = ['cache-control', 'content-disposition', 'content-encoding', 'content-language', 'expires'] as const;

const META_PREFIX = 'x-amz-meta-';

/** `x-amz-meta-*` request headers as user metadata (names lower-cased, prefix removed). */
export function readUserMetadata(headers: IncomingHttpHeaders): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.startsWith(META_PREFIX) && value !== undefined) meta[name.slice(META_PREFIX.length)] = String(value);
  }
  return meta;
}

export function readStoredHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const stored: Record<string, string> = {};
  for (const name of STORED_HEADERS) {
    const value = headers[name];
    if (typeof value === 'string') stored[name] = value;
  }
  return stored;
}

/** The ETag as S3 sends it: always quoted. */
export const quoteEtag = (etag: string): string => `"${etag}"`;

/** Headers describing an object on GET and HEAD. */
export function writeObjectHeaders(res: Response, object: ObjectRecord): void {
  res.setHeader('ETag', quoteEtag(object.etag));
  res.setHeader('Last-Modified', httpDate(object.createdAt));
  res.setHeader('Content-Type', object.contentType ?? 'binary/octet-stream');
  res.setHeader('Accept-Ranges', 'bytes');
  // The KakaoCloud S3 document lists it for HeadObject; RGW sends it on GET and HEAD.
  res.setHeader('X-Rgw-Object-Type', 'Normal');
  for (const [name, value] of Object.entries(object.headers)) res.setHeader(name, value);
  for (const [name, value] of Object.entries(object.userMeta)) res.setHeader(META_PREFIX + name, value);
  if (object.partCount) res.setHeader('x-amz-mp-parts-count', String(object.partCount));
  const tagCount = Object.keys(object.tags).length;
  if (tagCount > 0) res.setHeader('x-amz-tagging-count', String(tagCount));
  writeServerSideEncryption(res, object.encryption);
}

/** Status, Content-Length and Content-Range of a GET or HEAD answer: 206 for a range, else 200. */
export function writeBodyHeaders(res: Response, object: ObjectRecord, range: ResolvedRange | undefined): void {
  if (range) {
    res.status(206);
    res.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${range.size}`);
    res.setHeader('Content-Length', String(range.end - range.start + 1));
  } else {
    res.status(200);
    res.setHeader('Content-Length', String(object.size));
  }
}
