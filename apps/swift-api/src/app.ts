import express, { Express } from 'express';
import { createBaseApp, createErrorMiddleware, DialectAppOptions } from '@gw/http';
import { authV1 } from './identity/auth-v1';
import { capabilitiesHandler } from './info/capabilities';
import { keystoneRouter } from './identity/keystone-router';
import { swiftCors } from './middleware/cors';
import { swiftRequestHandler } from './routing/handle-request';
import type { SwiftServices } from './routing/swift-operation';
import { renderSwiftError } from './wire/render-error';

export type SwiftAppOptions = SwiftServices & DialectAppOptions;

/**
 * The Swift dialect: identity at /auth/v1.0 and /v3 (tokens, application credentials), capabilities at /info, storage at
 * /v1/{account}/{container}/{object}; any other path is a Swift 404.
 */
export function createSwiftApp(options: SwiftAppOptions): Express {
  const app = createBaseApp({ name: 'swift', ...options });
  const services: SwiftServices = { storage: options.storage, identity: options.identity, tokens: options.tokens, publicUrl: options.publicUrl };
  const identity = express.Router();
  identity.get(['/auth/v1.0', '/auth/v1.0/', '/v1.0'], authV1(services));
  identity.get('/info', capabilitiesHandler(options.storage.ctx.limits.maxObjectSize));
  app.use(identity);
  app.use('/v3', keystoneRouter(services, options.logger));
  app.use(swiftCors({ storage: options.storage }));
  app.use(swiftRequestHandler(services, { trustedProxies: options.trustedProxies }));
  app.use(createErrorMiddleware({ render: renderSwiftError, logger: options.logger }));
  return app;
}
