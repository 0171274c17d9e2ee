import type { Express } from 'express';
import { createBaseApp, Logger, Metrics } from '@gw/http';

export interface V1extAppOptions {
  logger: Logger;
  metrics?: Metrics;
  ready?: () => Promise<void>;
  trustedProxies?: readonly string[];
}

/**
 * The JSON dialect of /v1_ext bucket management. For now it serves health and metrics; a path it does not know
 * answers the dialect's JSON error.
 */
export function createV1extApp(options: V1extAppOptions): Express {
  const app = createBaseApp({ name: 'v1ext', ...options });
  app.use((_req, res) => {
    res.status(404).json({ code: 'NotFound', message: 'No such resource.' });
  });
  return app;
}
