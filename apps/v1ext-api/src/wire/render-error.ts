import type { Request, Response } from 'express';
import type { GatewayError } from '@gw/core';
import { V1EXT_ERROR_STATUS } from './v1ext-error-codes';

/**
 * The /v1_ext error answer: `{"code": ..., "message": ...}` with the status of the code's map
 * entry (the spec shows no error body; this is the JSON APIs' shape of ARCHITECTURE.md). HEAD
 * answers carry no body.
 */
export function renderV1extError(error: GatewayError, req: Request, res: Response): void {
  const status = V1EXT_ERROR_STATUS[error.code];
  // An unread request body cannot be skipped safely (it may be huge): answer, then close.
  if (!req.complete) res.setHeader('Connection', 'close');
  if (status === 401) res.setHeader('WWW-Authenticate', 'X-Auth-Token');
  if (req.method === 'HEAD' || status === 304) {
    res.status(status).end();
    return;
  }
  res.status(status).json({ code: error.code, message: error.message });
}
