// PutBucketLifecycle(Configuration) (KakaoCloud S3 document "PutBucketLifecycle"; S3 API reference): replaces every rule of the bucket.
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';
import { readCheckedSmallBody } from '../wire/body-integrity';
import { parseLifecycleXml } from '../wire/lifecycle-xml';

export const putBucketLifecycleConfiguration: S3Operation = {
  name: 'PutBucketLifecycleConfiguration',
  action: 'storage.buckets.update',
  needsBucket: true,
  async run(call) {
    const configuration = await parseLifecycleXml(await readCheckedSmallBody(call));
    await call.services.storage.bucketConfig.putLifecycle(bucketOf(call), configuration);
    call.res.status(200).setHeader('Content-Length', '0');
    call.res.end();
  },
};
