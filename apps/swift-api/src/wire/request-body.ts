import { PassThrough, Readable } from 'node:stream';
import type { Request } from 'express';
import { GatewayError } from '@gw/core';

/**
 * The request body as the core must store it, Content-Length or chunked alike. Piped, not
 * pipelined: when the store gives up on the body the socket stays open for the error answer;
 * a client that goes away mid-body fails the write with IncompleteBody.
 */
export function requestBody(req: Request): Readable {
  const body = new PassThrough({ highWaterMark: 1024 * 1024 });
  req.on('error', (error) => body.destroy(error));
  req.on('close', () => {
    if (!req.complete) body.destroy(new GatewayError('IncompleteBody'));
  });
  req.pipe(body);
  return body;
}

/** Content-Length when announced (a chunked body has none). */
export function declaredLength(req: Request): number | undefined {
  const raw = req.get('content-length');
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw new GatewayError('BadRequest', 'Invalid Content-Length');
  return Number(raw);
}
