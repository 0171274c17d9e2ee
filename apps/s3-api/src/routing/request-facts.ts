import type { Response } from 'express';
import type { Principal } from '@gw/auth';
import type { BucketRecord } from '@gw/core';
import type { S3Target } from '../request/target';

/**
 * What the request lifecycle learned about a request, published for the cross-cutting
 * middlewares that act around it (CORS headers, the server access log) so they need no lookup
 * of their own. Each fact is there once the lifecycle got that far.
 */
export interface RequestFacts {
  target?: S3Target;
  /** The bucket addressed, with its CORS and logging configuration. */
  bucket?: BucketRecord;
  principal?: Principal;
  /** The S3 error code of an error response. */
  errorCode?: string;
}

const facts = new WeakMap<Response, RequestFacts>();

export function noteRequestFacts(res: Response, more: RequestFacts): void {
  facts.set(res, { ...facts.get(res), ...more });
}

export function requestFacts(res: Response): RequestFacts {
  return facts.get(res) ?? {};
}
