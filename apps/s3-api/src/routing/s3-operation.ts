import type { Readable } from 'node:stream';
import type { Request, Response } from 'express';
import type { AccessRequest, Action, IdentityService, Principal, S3Authentication, S3Authenticator, TokenService } from '@gw/auth';
import type { BucketRecord, Storage } from '@gw/core';
import type { S3Target } from '../request/target';

/** What the S3 app is built from. */
export interface S3Services {
  storage: Storage;
  identity: IdentityService;
  /** Bearer tokens: STS session tokens, and the X-Auth-Tokens STS exchanges for them. */
  tokens: TokenService;
  region: string;
  /** Base domain of virtual-host-style addressing (`{bucket}.{domain}`); path style only when absent. */
  domain?: string;
}

/** One S3 request after identification, authentication and authorization. */
export interface S3Call {
  req: Request;
  res: Response;
  services: S3Services;
  target: S3Target;
  query: URLSearchParams;
  principal: Principal;
  auth: S3Authentication;
  /** The account the addressed bucket lives in. */
  accountId: string;
  /** The addressed bucket, loaded before authorization (absent for service calls and CreateBucket). */
  bucket?: BucketRecord;
  /** What the decision point weighed besides the principal (client address, Referer). */
  accessContext: AccessRequest['context'];
  /** The request body as it must be stored: verified, aws-chunked framing removed. */
  body(): Readable;
}

/** An S3 operation: its name, the action it needs, and how it runs. One file per operation. */
export interface S3Operation {
  name: string;
  action: Action;
  /** False for operations on a bucket that does not exist yet (CreateBucket). */
  needsBucket: boolean;
  /**
   * For an operation whose credentials travel in the body rather than in the headers or the
   * query (POST Object: the signed policy of the form), how to authenticate it; the rest of the
   * lifecycle is the same.
   */
  authenticate?(request: { req: Request; res: Response; target: S3Target; authenticator: S3Authenticator }): Promise<S3Authentication>;
  run(call: S3Call): Promise<void>;
}

export const bucketOf = (call: S3Call): BucketRecord => {
  if (!call.bucket) throw new Error(`${call.req.method} ${call.req.originalUrl}: operation needs a bucket`);
  return call.bucket;
};
