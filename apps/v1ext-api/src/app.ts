import type { Express } from 'express';
import { createBaseApp, DialectAppOptions } from '@gw/http';

export type V1extAppOptions = DialectAppOptions;

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
