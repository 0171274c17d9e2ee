import type { Response } from 'express';
import type { ObjectRecord } from '@gw/core';
import { swiftTimestamp } from './swift-headers';

/** The 201 of an object PUT or copy: its ETag (unquoted, as Swift sends it), times, an empty HTML body. */
export function sendCreated(res: Response, object: ObjectRecord): void {
  res.status(201);
  // An SLO's ETag is quoted, as Swift sends it (it is no MD5 of a body).
  res.setHeader('ETag', object.largeObject?.kind === 'slo' ? `"${object.etag}"` : object.etag);
  res.setHeader('Last-Modified', object.createdAt.toUTCString());
  res.setHeader('X-Timestamp', swiftTimestamp(object.createdAt));
  res.setHeader('Content-Type', 'text/html; charset=UTF-8');
  res.setHeader('Content-Length', '0');
  res.end();
}
