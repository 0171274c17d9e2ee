/**
 * The access decision on the container of a Swift DLO's segments when S3 reads or copies the DLO
 * (the core resolves DLOs for every dialect, as Ceph RGW does): the caller must be allowed to
 * read that bucket too, as Swift requires (the core skips the DLO's own bucket, decided already).
 *
 * API: `segmentReadCheck(call)` -> `(bucket) => boolean`, for `mayReadSegments`.
 */
import { bucketDecision } from '@gw/auth';
import type { BucketRecord } from '@gw/core';
import type { S3Call } from '../routing/s3-operation';

export const segmentReadCheck = (call: S3Call): ((bucket: BucketRecord) => boolean) =>
  bucketDecision(call.principal, 'storage.objects.get', call.accessContext);
