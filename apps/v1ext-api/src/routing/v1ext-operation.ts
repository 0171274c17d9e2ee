import type { Request, Response } from 'express';
import type { Action, IdentityService, TokenService, UserPrincipal } from '@gw/auth';
import type { BucketRecord, Storage } from '@gw/core';

/** What the /v1_ext app is built from. */
export interface V1extServices {
  storage: Storage;
  identity: IdentityService;
  /** Verifies the X-Auth-Tokens the Swift identity endpoints issue. */
  tokens: TokenService;
}

/** One /v1_ext request after identification, authentication and authorization. */
export interface V1extCall {
  req: Request;
  res: Response;
  services: V1extServices;
  query: URLSearchParams;
  principal: UserPrincipal;
  /** The caller's project: /v1_ext works in the account of its token. */
  accountId: string;
  /** The bucket named in the path (absent on the bucket collection). */
  bucketName?: string;
  /** The addressed bucket, loaded before authorization (absent on the collection). */
  bucket?: BucketRecord;
}

/** A /v1_ext operation: its name, the action it needs, and how it runs. One file per operation. */
export interface V1extOperation {
  name: string;
  action: Action;
  run(call: V1extCall): Promise<void>;
}

export const bucketOf = (call: V1extCall): BucketRecord => {
  if (!call.bucket) throw new Error(`${call.req.method} ${call.req.originalUrl}: operation needs a bucket`);
  return call.bucket;
};
