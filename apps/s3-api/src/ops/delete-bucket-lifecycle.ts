// DeleteBucketLifecycle (KakaoCloud S3 document "DeleteBucketLifecycle"; S3 API reference): 204, also when no rules were set.
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';

export const deleteBucketLifecycle: S3Operation = {
  name: 'DeleteBucketLifecycle',
  action: 'storage.buckets.update',
  needsBucket: true,
  async run(call) {
    await call.services.storage.bucketConfig.deleteLifecycle(bucketOf(call));
    call.res.status(204).end();
  },
};
