import type { Express } from 'express';
import { createBaseApp, createErrorMiddleware, DialectAppOptions } from '@gw/http';
import { v1extCors } from './middleware/cors';
import { v1extRequestHandler } from './routing/handle-request';
import type { V1extServices } from './routing/v1ext-operation';
import { renderV1extError } from './wire/render-error';

export type V1extAppOptions = V1extServices & DialectAppOptions;

/**
 * The JSON dialect of /v1_ext bucket management: buckets (create, list, detail, public access,
 * delete), their CORS rules (JSON) and lifecycle (XML). Any other path answers a JSON 404.
 */
export function createV1extApp(options: V1extAppOptions): Express {
  const app = createBaseApp({ name: 'v1ext', ...options });
  const services: V1extServices = { storage: options.storage, identity: options.identity, tokens: options.tokens };
  app.use(v1extCors({ storage: options.storage }));
  app.use(v1extRequestHandler(services));
  app.use(createErrorMiddleware({ render: renderV1extError, logger: options.logger }));
  return app;
}
