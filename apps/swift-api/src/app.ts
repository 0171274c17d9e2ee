import type { Express } from 'express';
import { createBaseApp, DialectAppOptions } from '@gw/http';

export type SwiftAppOptions = DialectAppOptions;

/**
 * The Swift dialect: /v1/{account}/..., identity at /auth/v1.0 and /v3/auth/tokens. For now it
 * serves health and metrics; a path it does not know is a Swift-style 404.
 */
export function createSwiftApp(options: SwiftAppOptions): Express {
  const app = createBaseApp({ name: 'swift', ...options });
  app.use((_req, res) => {
    res.status(404).type('text/plain').send('Not Found');
  });
  return app;
}
