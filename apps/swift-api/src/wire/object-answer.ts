import type { Response } from 'express';
import type { ObjectRead } from '@gw/core';
import { writeDeleteAt } from './delete-at';
import { writeLargeObjectHeaders } from './large-object-headers';
import { swiftTimestamp, writeMetaHeaders } from './swift-headers';

/** The headers of an object GET/HEAD: ETag unquoted as Swift sends it, range, metadata. */
export function writeObjectAnswer(res: Response, read: ObjectRead): void {
  const { object, range } = read;
  res.status(range ? 206 : 200);
  res.setHeader('Content-Type', object.contentType ?? 'application/octet-stream');
  res.setHeader('ETag', object.etag);
  writeLargeObjectHeaders(res, object);
  res.setHeader('Last-Modified', object.createdAt.toUTCString());
  res.setHeader('X-Timestamp', swiftTimestamp(object.createdAt));
  res.setHeader('Accept-Ranges', 'bytes');
  for (const [name, value] of Object.entries(object.headers)) res.setHeader(name, value);
  writeMetaHeaders(res, object.userMeta, 'Object');
  writeDeleteAt(res, object);
  if (range) {
    res.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${range.size}`);
    res.setHeader('Content-Length', String(range.end - range.start + 1));
  } else {
    res.setHeader('Content-Length', String(object.size));
  }
}
