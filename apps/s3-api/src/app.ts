import type { Express } from 'express';
import { S3Authenticator } from '@gw/auth';
import { createBaseApp, createErrorMiddleware, DialectAppOptions } from '@gw/http';
import { s3RequestHandler } from './routing/handle-request';
import type { S3Services } from './routing/s3-operation';
import { renderS3Error } from './wire/render-error';

export type S3AppOptions = S3Services & DialectAppOptions;

/** The S3 REST dialect: every path not claimed by another dialect. */
export function createS3App(options: S3AppOptions): Express {
  const app = createBaseApp({ name: 's3', ...options });
  const services: S3Services = { storage: options.storage, identity: options.identity, region: options.region };
  app.use(s3RequestHandler(services, new S3Authenticator(options.identity)));
  app.use(createErrorMiddleware({ render: renderS3Error, logger: options.logger }));
  return app;
}
