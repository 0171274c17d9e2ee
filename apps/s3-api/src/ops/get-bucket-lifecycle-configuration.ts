// GetBucketLifecycle(Configuration) (KakaoCloud S3 document "GetBucketLifecycle"; S3 API reference): the rules, or NoSuchLifecycleConfiguration.
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';
import { sendXml } from '../wire/common-headers';
import { renderLifecycleXml } from '../wire/lifecycle-xml';

export const getBucketLifecycleConfiguration: S3Operation = {
  name: 'GetBucketLifecycleConfiguration',
  action: 'storage.buckets.get',
  needsBucket: true,
  async run(call) {
    sendXml(call.res, renderLifecycleXml(call.services.storage.bucketConfig.getLifecycle(bucketOf(call))));
  },
};
