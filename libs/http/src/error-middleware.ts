import type { ErrorRequestHandler, Request, Response } from 'express';
import { GatewayError, isGatewayError } from '@gw/core';
import type { Logger } from './logger';
import { findRequestContext } from './request-context';
import { toGatewayError } from './to-gateway-error';

export interface ErrorMiddlewareOptions {
  /** Writes the error in the dialect's wire format (S3 XML, Swift text, JSON). */
  render(error: GatewayError, req: Request, res: Response): void;
  /** Used when the request has no context logger. */
  logger: Logger;
}

/**
 * The last middleware of every dialect app. A GatewayError is rendered; anything else is logged
 * with its stack and rendered as InternalError (client-caused errors of express's own parsers are
 * mapped to 4xx first, see `toGatewayError`). Once the response has started, a second one cannot
 * be written: the connection is destroyed so the client sees a failure, not a truncated success.
 */
export function createErrorMiddleware({ render, logger }: ErrorMiddlewareOptions): ErrorRequestHandler {
  return (thrown: unknown, req, res, _next) => {
    const log = findRequestContext(res)?.logger ?? logger;
    const error = toGatewayError(thrown);
    if (!isGatewayError(thrown) && error.status >= 500) log.error({ err: thrown }, 'unhandled error');
    else if (error.status >= 500) log.warn({ err: thrown }, 'request failed');
    else log.debug({ code: error.code, message: error.message }, 'client error');

    if (res.headersSent) {
      log.warn({ code: error.code }, 'error after the response started; destroying the connection');
      res.destroy();
      return;
    }
    // The client is gone (an aborted upload): nobody would read a response.
    if (res.destroyed) return;
    try {
      render(error, req, res);
    } catch (renderError) {
      log.error({ err: renderError }, 'error renderer failed');
      if (res.headersSent) res.destroy();
      else res.status(500).end();
    }
  };
}
