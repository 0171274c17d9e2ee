/**
 * The access decision on the container of a Swift DLO's segments when S3 reads or copies the DLO
 * (the core resolves DLOs for every dialect, as Ceph RGW does): the caller must be allowed to
 * read that bucket too, as Swift requires. The DLO's own bucket was decided already.
 *
 * API: `segmentReadCheck(call, ownBucket)` -> `(bucket) => boolean`, for `mayReadSegments`.
 */
import { decide } from '@gw/auth';
import type { BucketRecord } from '@gw/core';
import type { S3Call } from '../routing/s3-operation';

export function segmentReadCheck(call: S3Call, ownBucket: BucketRecord): (bucket: BucketRecord) => boolean {
  return (bucket) =>
    bucket.id === ownBucket.id ||
    decide({ principal: call.principal, action: 'storage.objects.get', resource: { accountId: bucket.accountId, bucket } }).effect === 'allow';
}
