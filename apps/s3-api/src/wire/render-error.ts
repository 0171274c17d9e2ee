import type { Request, Response } from 'express';
import { DeleteMarkerError, GatewayError } from '@gw/core';
import { S3_ERROR_CODES } from './s3-error-codes';
import { noteRequestFacts } from '../routing/request-facts';
import { setCommonHeaders } from './common-headers';
import { quoteEtag } from './object-headers';
import { httpDate } from './timestamps';
import { describeDeleteMarker } from './version-headers';
import { renderXml } from './xml';

/**
 * S3's error document: `<Error>` with Code, Message, the details S3 echoes (BucketName, Key,
 * ...), Resource and RequestId. HEAD responses and 304 carry no body.
 */
export function renderS3Error(error: GatewayError, req: Request, res: Response): void {
  const wire = S3_ERROR_CODES[error.code];
  const status = wire.status ?? error.status;
  noteRequestFacts(res, { errorCode: wire.code });
  setCommonHeaders(res);
  // An unread request body cannot be skipped safely (it may be huge): answer, then close.
  if (!req.complete) res.setHeader('Connection', 'close');
  // A read that found a delete marker says which (x-amz-delete-marker, x-amz-version-id).
  const markerDetails = error instanceof DeleteMarkerError ? describeDeleteMarker(error, req, res) : {};
  res.status(status);
  if (status === 304) {
    if (error.details.ETag !== undefined) res.setHeader('ETag', quoteEtag(String(error.details.ETag)));
    if (error.details.LastModified !== undefined) res.setHeader('Last-Modified', httpDate(new Date(String(error.details.LastModified))));
  }
  if (req.method === 'HEAD' || status === 304) {
    res.end();
    return;
  }
  const resource = req.originalUrl.split('?')[0];
  const details = Object.fromEntries(Object.entries({ ...markerDetails, ...error.details }).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
  const body = renderXml('Error', {
    Code: wire.code,
    Message: error.message,
    ...details,
    Resource: resource,
    RequestId: res.locals.requestId ?? '',
  }, null);
  res.setHeader('Content-Type', 'application/xml');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}
