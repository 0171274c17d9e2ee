// DeleteBucketEncryption (S3 API reference): 204, also when none was set; objects already encrypted stay encrypted.
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';

export const deleteBucketEncryption: S3Operation = {
  name: 'DeleteBucketEncryption',
  action: 'storage.buckets.update',
  needsBucket: true,
  async run(call) {
    await call.services.storage.buckets.deleteEncryption(bucketOf(call));
    call.res.status(204).end();
  },
};
