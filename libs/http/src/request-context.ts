// Per-request state every dialect needs: the request id and a logger that carries it. Protocol
// headers are left to the dialects (S3 sends x-amz-request-id, Swift X-Trans-Id).
import { randomBytes } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import type { Logger } from './logger';

export interface RequestContext {
  /** 16 uppercase hex characters, the shape of S3's request ids. */
  readonly requestId: string;
  readonly startedAt: Date;
  /** Child of the app logger with `reqId` on every line. */
  readonly logger: Logger;
  /** Milliseconds since the request reached the gateway, from a monotonic clock. */
  elapsedMs(): number;
}

const contexts = new WeakMap<Response, RequestContext>();

/** Never taken from the client: a client-chosen id could collide with another request's. */
export function newRequestId(): string {
  return randomBytes(8).toString('hex').toUpperCase();
}

/**
 * Creates the request context and puts the id on `res.locals.requestId`. When an app built on
 * this is mounted inside another (the all-in-one gateway), the outer context is kept, so a
 * request has one id in every log line and header.
 */
export function requestContext(logger: Logger): RequestHandler {
  return (_req, res, next) => {
    if (!contexts.has(res)) {
      const requestId = newRequestId();
      const started = process.hrtime.bigint();
      contexts.set(res, {
        requestId,
        startedAt: new Date(),
        logger: logger.child({ reqId: requestId }),
        elapsedMs: () => Number(process.hrtime.bigint() - started) / 1e6,
      });
      res.locals.requestId = requestId;
    }
    next();
  };
}

export function getRequestContext(res: Response): RequestContext {
  const context = contexts.get(res);
  if (!context) throw new Error('getRequestContext: the requestContext() middleware is not mounted before this handler');
  return context;
}

/** For code that also runs without the middleware (error handling of very early failures). */
export function findRequestContext(res: Response): RequestContext | undefined {
  return contexts.get(res);
}
