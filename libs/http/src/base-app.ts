import express, { Express } from 'express';
import { accessLog } from './access-log';
import { healthRoutes } from './health-routes';
import type { IpMatcher } from './ip-matcher';
import type { Logger } from './logger';
import { createMetrics, Metrics } from './metrics';
import { requestContext } from './request-context';

export interface BaseAppOptions {
  /** App name: the `app` metrics label and a field on every log line. */
  name: string;
  logger: Logger;
  /** Metrics to record into; a fresh registry is made when omitted. */
  metrics?: Metrics;
  /** See `clientAddress`. */
  trustedProxies?: IpMatcher | readonly string[];
  /** Readiness check behind /readyz; always ready when omitted. */
  ready?: () => Promise<void>;
}

/** What every dialect app factory takes besides its own services. */
export type DialectAppOptions = Omit<BaseAppOptions, 'name'>;

/**
 * An express app with what every dialect shares: request context, metrics, access log,
 * /healthz, /readyz and /metrics. The dialect adds its routes, then `createErrorMiddleware`.
 *
 * Settings, and why:
 * - `x-powered-by` off: no server fingerprint.
 * - `etag` off: ETags are object checksums the dialects set; express's weak hash of a body is not one.
 * - `query parser` 'simple' (node:querystring, also express 5's default), stated so nobody
 *   switches to 'extended': qs turns `a[b]=1` into nested objects, which protocol code should
 *   never meet. Code that needs the query as sent (order, repeats, valueless flags, signing)
 *   uses `queryParams(req)`.
 * - `case sensitive routing` and `strict routing` on: object keys are case sensitive and a
 *   trailing slash is part of a key (`photos/` is a folder object).
 * - `trust proxy` off: forwarded headers are believed only through `clientAddress`.
 */
export function createBaseApp({ name, logger, metrics, trustedProxies = [], ready = async () => {} }: BaseAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.set('case sensitive routing', true);
  app.set('strict routing', true);
  app.set('trust proxy', false);

  const appLogger = logger.child({ app: name });
  const appMetrics = metrics ?? createMetrics({ app: name });
  app.use(requestContext(appLogger));
  app.use(appMetrics.middleware);
  app.use(accessLog(appLogger, { trustedProxies }));
  app.use(healthRoutes({ ready, logger: appLogger }));
  app.get('/metrics', appMetrics.handler);
  return app;
}
