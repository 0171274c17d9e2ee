// GetBucketLogging (KakaoCloud S3 document: Supported; S3 API reference): the target, or an empty BucketLoggingStatus.
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';
import { sendXml } from '../wire/common-headers';
import { renderLoggingXml } from '../wire/logging-xml';

export const getBucketLogging: S3Operation = {
  name: 'GetBucketLogging',
  action: 'storage.buckets.get',
  needsBucket: true,
  async run(call) {
    sendXml(call.res, renderLoggingXml(call.services.storage.bucketConfig.getLogging(bucketOf(call))));
  },
};
