import { randomBytes } from 'node:crypto';
import type { Response } from 'express';

/**
 * Headers on every S3 response: the request ids S3 clients log and quote in bug reports, and
 * the security headers the KakaoCloud S3 document lists.
 */
export function setCommonHeaders(res: Response): void {
  if (res.headersSent) return;
  const requestId = String(res.locals.requestId ?? '');
  res.setHeader('x-amz-request-id', requestId);
  res.setHeader('x-amz-id-2', randomBytes(24).toString('base64'));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('X-XSS-Protection', '1; mode=block');
  res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
}

/** Sends an XML document with its length. */
export function sendXml(res: Response, xml: string, status = 200): void {
  res.status(status);
  res.setHeader('Content-Type', 'application/xml');
  res.setHeader('Content-Length', Buffer.byteLength(xml));
  res.end(xml);
}
