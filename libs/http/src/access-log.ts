import type { RequestHandler, Response } from 'express';
import { countRequestBytes, countResponseBytes } from './byte-counters';
import { clientAddress } from './client-address';
import { IpMatcher, ipMatcher } from './ip-matcher';
import type { Logger } from './logger';
import { redactUrl } from './redact-url';
import { recordedStatus } from './response-status';

export interface AccessLogOptions {
  /** Proxies whose X-Forwarded-For names the client (see `clientAddress`). */
  trustedProxies?: IpMatcher | readonly string[];
}

const logged = new WeakSet<Response>();

/**
 * One JSON line per request once its connection is done with it ('close' fires for finished
 * and for aborted responses alike). Secret query parameters are redacted. Mounted twice (an app
 * inside the all-in-one gateway), it still logs once.
 */
export function accessLog(logger: Logger, options: AccessLogOptions = {}): RequestHandler {
  const trusted = typeof options.trustedProxies === 'function' ? options.trustedProxies : ipMatcher(options.trustedProxies ?? []);
  return (req, res, next) => {
    if (logged.has(res)) return next();
    logged.add(res);
    const started = process.hrtime.bigint();
    // Read now: once the socket is closed, its peer address may no longer be known.
    const remoteAddress = clientAddress(req, trusted);
    const url = redactUrl(req.originalUrl);
    const bytesReceived = countRequestBytes(req);
    const bytesSent = countResponseBytes(res);
    res.once('close', () => {
      logger.info(
        {
          reqId: res.locals.requestId,
          method: req.method,
          url,
          status: recordedStatus(res),
          bytesReceived: bytesReceived(),
          bytesSent: bytesSent(),
          durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
          remoteAddress,
          ...(res.writableFinished ? {} : { aborted: true }),
        },
        'request',
      );
    });
    next();
  };
}
