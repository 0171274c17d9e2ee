import type { Express, Request } from 'express';
import type { IdentityService, TokenService } from '@gw/auth';
import type { Storage } from '@gw/core';
import { createBaseApp, createMetrics, Logger } from '@gw/http';
import { createKosApp } from '@gw/kos-api';
import { createS3App } from '@gw/s3-api';
import { createSwiftApp } from '@gw/swift-api';
import { createV1extApp } from '@gw/v1ext-api';
import { Registry } from 'prom-client';
import { Dialect, dialectFor } from './dialect-routing';

export interface GatewayAppOptions {
  storage: Storage;
  identity: IdentityService;
  tokens: TokenService;
  region: string;
  /** S3_DOMAIN: base domain of virtual-host-style S3 addressing. */
  s3Domain?: string;
  /** PUBLIC_URL: the base of the storage URLs the Swift identity endpoints hand out. */
  publicUrl: string;
  logger: Logger;
  trustedProxies?: readonly string[];
}

/**
 * All four dialects on one port, routed by path. Each dialect app sees the request unchanged
 * (full path), exactly as it would behind the proxy; metrics go to one registry.
 */
export function createGatewayApp(options: GatewayAppOptions): Express {
  const registry = new Registry();
  const ready = async () => {
    await options.storage.ctx.db.knex.raw('select 1');
  };
  const common = { logger: options.logger, ready, trustedProxies: options.trustedProxies };
  const dialects: Record<Dialect, Express> = {
    s3: createS3App({ ...common, metrics: createMetrics({ app: 's3', registry }), storage: options.storage, identity: options.identity, tokens: options.tokens, region: options.region, domain: options.s3Domain }),
    swift: createSwiftApp({ ...common, metrics: createMetrics({ app: 'swift', registry, defaultMetrics: false }), storage: options.storage, identity: options.identity, tokens: options.tokens, publicUrl: options.publicUrl }),
    v1ext: createV1extApp({ ...common, metrics: createMetrics({ app: 'v1ext', registry, defaultMetrics: false }), storage: options.storage, identity: options.identity, tokens: options.tokens }),
    kos: createKosApp({ ...common, metrics: createMetrics({ app: 'kos', registry, defaultMetrics: false }) }),
  };
  const app = createBaseApp({ name: 'gateway', ...common, metrics: createMetrics({ app: 'gateway', registry, defaultMetrics: false }) });
  app.use((req: Request, res, next) => dialects[dialectFor(req.path)](req, res, next));
  return app;
}
