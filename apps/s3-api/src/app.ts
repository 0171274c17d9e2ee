import type { Express } from 'express';
import { S3Authenticator, StsService } from '@gw/auth';
import { createBaseApp, createErrorMiddleware, DialectAppOptions } from '@gw/http';
import { s3Cors } from './middleware/cors';
import { s3ServerAccessLog } from './middleware/server-access-log';
import { s3RequestHandler } from './routing/handle-request';
import type { S3Services } from './routing/s3-operation';
import { stsHandler } from './sts/sts-handler';
import { renderS3Error } from './wire/render-error';

export type S3AppOptions = S3Services & DialectAppOptions;

/** The S3 REST dialect: every path not claimed by another dialect. */
export function createS3App(options: S3AppOptions): Express {
  const app = createBaseApp({ name: 's3', ...options });
  const services: S3Services = { storage: options.storage, identity: options.identity, tokens: options.tokens, region: options.region, domain: options.domain };
  app.use(s3ServerAccessLog({ storage: options.storage, trustedProxies: options.trustedProxies }));
  app.use(s3Cors({ storage: options.storage, domain: options.domain }));
  app.use(stsHandler({ sts: new StsService(options.identity, options.tokens), domain: options.domain, logger: options.logger }));
  app.use(s3RequestHandler(services, new S3Authenticator(options.identity, options.tokens), { trustedProxies: options.trustedProxies }));
  app.use(createErrorMiddleware({ render: renderS3Error, logger: options.logger }));
  return app;
}
