import express, { Express } from 'express';
import { createBaseApp, createErrorMiddleware, DialectAppOptions } from '@gw/http';
import { authV1 } from './identity/auth-v1';
import { capabilitiesHandler } from './info/capabilities';
import { keystoneTokens } from './identity/keystone-v3';
import { swiftRequestHandler } from './routing/handle-request';
import type { SwiftServices } from './routing/swift-operation';
import { renderSwiftError } from './wire/render-error';

export type SwiftAppOptions = SwiftServices & DialectAppOptions;

/**
 * The Swift dialect: identity at /auth/v1.0 and /v3/auth/tokens, capabilities at /info, storage at
 * /v1/{account}/{container}/{object}; any other path is a Swift 404.
 */
export function createSwiftApp(options: SwiftAppOptions): Express {
  const app = createBaseApp({ name: 'swift', ...options });
  const services: SwiftServices = { storage: options.storage, identity: options.identity, tokens: options.tokens, publicUrl: options.publicUrl };
  const identity = express.Router();
  identity.get(['/auth/v1.0', '/auth/v1.0/', '/v1.0'], authV1(services));
  identity.post('/v3/auth/tokens', keystoneTokens(services));
  identity.get('/info', capabilitiesHandler(options.storage.ctx.limits.maxObjectSize));
  app.use(identity);
  app.use(swiftRequestHandler(services));
  app.use(createErrorMiddleware({ render: renderSwiftError, logger: options.logger }));
  return app;
}
