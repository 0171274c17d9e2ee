import { GatewayError } from '@gw/core';
import { createBucket } from '../ops/create-bucket';
import { deleteBucket } from '../ops/delete-bucket';
import { deleteBucketLifecycle } from '../ops/delete-bucket-lifecycle';
import { getBucket } from '../ops/get-bucket';
import { getBucketCors } from '../ops/get-bucket-cors';
import { getBucketLifecycle } from '../ops/get-bucket-lifecycle';
import { headBucket } from '../ops/head-bucket';
import { listBuckets } from '../ops/list-buckets';
import { putBucketCors } from '../ops/put-bucket-cors';
import { putBucketLifecycle } from '../ops/put-bucket-lifecycle';
import { updateBucketAccess } from '../ops/update-bucket-access';
import type { V1extOperation } from './v1ext-operation';
import type { V1extTarget } from './v1ext-target';

/** The operations of each kind of /v1_ext path, by method. The `/v1_ext/{name}` alias serves reads only. */
const ROUTES: Record<V1extTarget['kind'] | 'alias', Partial<Record<string, V1extOperation>>> = {
  buckets: { PUT: createBucket, GET: listBuckets },
  bucket: { GET: getBucket, HEAD: headBucket, POST: updateBucketAccess, DELETE: deleteBucket },
  alias: { GET: getBucket, HEAD: headBucket },
  cors: { PUT: putBucketCors, GET: getBucketCors },
  lifecycle: { PUT: putBucketLifecycle, GET: getBucketLifecycle, DELETE: deleteBucketLifecycle },
};

/** The operation of a request; MethodNotAllowed for a method the path does not serve. */
export function matchRoute(method: string, target: V1extTarget): V1extOperation {
  const operation = ROUTES[target.kind === 'bucket' && target.alias ? 'alias' : target.kind][method];
  if (!operation) throw new GatewayError('MethodNotAllowed');
  return operation;
}
