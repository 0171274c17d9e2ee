// Keystone's error answer for the /v3 identity routes: `{"error": {"code", "title", "message"}}`
// with the status the Swift wire gives the catalogue code (one exhaustive map for the dialect).
import type { Request, Response } from 'express';
import type { GatewayError } from '@gw/core';
import { sendBody, setCommonHeaders } from '../wire/common-headers';
import { SWIFT_ERROR_STATUS } from '../wire/swift-error-codes';

/** Keystone's titles by status (webob's reason phrases). */
const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  411: 'Length Required',
  413: 'Request Entity Too Large',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
};

/** Keystone never says why authentication failed: a client learns nothing more. */
const UNAUTHORIZED_MESSAGE = 'The request you have made requires authentication.';

export function renderKeystoneError(error: GatewayError, req: Request, res: Response): void {
  // 304 ends conditional storage reads; no identity route has conditions, so it cannot be meant here.
  const status = SWIFT_ERROR_STATUS[error.code] === 304 ? 400 : SWIFT_ERROR_STATUS[error.code];
  setCommonHeaders(res);
  if (!req.complete) res.setHeader('Connection', 'close');
  if (status === 401) res.setHeader('WWW-Authenticate', `Keystone uri="${keystoneBaseUrl(req)}"`);
  const message = status === 401 ? UNAUTHORIZED_MESSAGE : status >= 500 ? 'An unexpected error prevented the server from fulfilling your request.' : error.message;
  const body = JSON.stringify({ error: { code: status, title: TITLES[status] ?? 'Error', message } });
  sendBody(res, status, 'application/json', body);
}

/** The identity endpoint as the client reached it. */
const keystoneBaseUrl = (req: Request): string => `${req.protocol}://${req.get('host') ?? 'localhost'}/v3`;
