// DeleteBucket (S3 API reference; KakaoCloud S3 document "DeleteBucket").
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';

export const deleteBucket: S3Operation = {
  name: 'DeleteBucket',
  action: 'storage.buckets.delete',
  needsBucket: true,
  async run(call) {
    await call.services.storage.buckets.delete(call.accountId, bucketOf(call).name);
    call.res.status(204).end();
  },
};
