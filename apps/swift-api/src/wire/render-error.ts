import type { Request, Response } from 'express';
import { ErrorCode, GatewayError } from '@gw/core';
import { sendBody, setCommonHeaders } from './common-headers';
import { SWIFT_ERROR_STATUS } from './swift-error-codes';

/** The pages Swift's proxy (swob) answers errors with, by status: title and explanation. */
const PAGES: Record<number, [string, string]> = {
  401: ['Unauthorized', 'This server could not verify that you are authorized to access the document you requested.'],
  403: ['Forbidden', 'Access was denied to this resource.'],
  404: ['Not Found', 'The resource could not be found.'],
  405: ['Method Not Allowed', 'The method is not allowed for this resource.'],
  409: ['Conflict', 'There was a conflict when trying to complete your request.'],
  411: ['Length Required', 'Length Required'],
  412: ['Precondition Failed', 'A precondition for this request was not met.'],
  413: ['Request Entity Too Large', 'The body of your request was too large for this server.'],
  416: ['Requested Range Not Satisfiable', 'The Range requested is not available.'],
  422: ['Unprocessable Entity', 'Unable to process the contained instructions'],
  499: ['Client Disconnect', 'The client was disconnected during request.'],
  500: ['Internal Error', 'The server has either erred or is incapable of performing the requested operation.'],
  501: ['Not Implemented', 'The requested method is not implemented by this server.'],
  503: ['Service Unavailable', 'The server is currently unavailable. Please try again at a later time.'],
};

/** A GatewayError Swift answers with its message as the body (a check that names its failure). */
export const swiftText = (code: ErrorCode, message: string): GatewayError => new GatewayError(code, message, { swiftText: 1 });

/**
 * Swift's error answer: the swob HTML page of the status; a 400 says what was wrong in plain
 * text, as Swift's checks do. HEAD responses and 304 carry no body.
 */
export function renderSwiftError(error: GatewayError, req: Request, res: Response): void {
  const status = SWIFT_ERROR_STATUS[error.code];
  setCommonHeaders(res);
  // An unread request body cannot be skipped safely (it may be huge): answer, then close.
  if (!req.complete) res.setHeader('Connection', 'close');
  if (status === 401) res.setHeader('Www-Authenticate', 'Swift realm="unknown"');
  if (status === 304) {
    res.status(304).end();
    return;
  }
  // A check that names its failure (Swift's `HTTPPreconditionFailed(body=...)`) says it in text.
  const page = error.details.swiftText ? undefined : PAGES[status];
  if (page) sendBody(res, status, 'text/html; charset=UTF-8', `<html><h1>${page[0]}</h1><p>${page[1]}</p></html>`);
  else sendBody(res, status, 'text/plain; charset=utf-8', error.message);
}
