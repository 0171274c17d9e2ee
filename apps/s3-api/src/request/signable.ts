import type { Request } from 'express';
import type { SignableRequest } from '@gw/auth';

/** The request exactly as the client signed it: raw path and query, headers as received. */
export function signableRequest(req: Request): SignableRequest {
  const url = req.originalUrl;
  const q = url.indexOf('?');
  return {
    method: req.method,
    rawPath: q < 0 ? url : url.slice(0, q),
    rawQuery: q < 0 ? '' : url.slice(q + 1),
    headers: req.headers,
    rawHeaders: req.rawHeaders,
  };
}
