// DeleteBucketCors (S3 API reference): 204, also when no rules were set.
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';

export const deleteBucketCors: S3Operation = {
  name: 'DeleteBucketCors',
  action: 'storage.buckets.update',
  needsBucket: true,
  async run(call) {
    await call.services.storage.bucketConfig.deleteCors(bucketOf(call));
    call.res.status(204).end();
  },
};
