import type { Response } from 'express';

/**
 * Headers on every Swift response: the transaction id Swift clients log (X-Trans-Id, and the
 * same value as X-Openstack-Request-Id), and Date.
 */
export function setCommonHeaders(res: Response): void {
  if (res.headersSent) return;
  const transId = `tx${String(res.locals.requestId ?? '')}`;
  res.setHeader('X-Trans-Id', transId);
  res.setHeader('X-Openstack-Request-Id', transId);
  res.setHeader('Date', new Date().toUTCString());
}

/** Sends a text, JSON or XML body with its length (HEAD: the length alone). */
export function sendBody(res: Response, status: number, contentType: string, body: string): void {
  res.status(status);
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  if (res.req.method === 'HEAD') res.end();
  else res.end(body);
}
