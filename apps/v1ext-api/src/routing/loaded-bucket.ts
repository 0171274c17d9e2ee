// The bucket the request lifecycle loaded in the caller's project, kept on the response for the
// CORS middleware: it names the bucket exactly even where the name alone (all a preflight has)
// is shared by several projects.
import type { Response } from 'express';
import type { BucketRecord } from '@gw/core';

const KEY = 'v1extLoadedBucket';

export function noteLoadedBucket(res: Response, bucket: BucketRecord): void {
  res.locals[KEY] = bucket;
}

export function loadedBucketOf(res: Response): BucketRecord | undefined {
  return res.locals[KEY] as BucketRecord | undefined;
}
