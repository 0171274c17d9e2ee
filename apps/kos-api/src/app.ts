import type { Express } from 'express';
import { createBaseApp, DialectAppOptions } from '@gw/http';

export type KosAppOptions = DialectAppOptions;

/**
 * The JSON dialect of the KOS management API (/kos/v1, /internal/kos/v1) and the console API (/admin/v1). For now it serves health and metrics; a path it does not know
 * answers the dialect's JSON error.
 */
export function createKosApp(options: KosAppOptions): Express {
  const app = createBaseApp({ name: 'kos', ...options });
  app.use((_req, res) => {
    res.status(404).json({ code: 'NotFound', message: 'No such resource.' });
  });
  return app;
}
