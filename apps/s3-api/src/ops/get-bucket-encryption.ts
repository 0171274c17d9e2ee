// GetBucketEncryption (S3 API reference; KakaoCloud S3 document "Get bucket encryption"): the default encryption rule, AES256.
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';
import { sendXml } from '../wire/common-headers';
import { renderXml } from '../wire/xml';

export const getBucketEncryption: S3Operation = {
  name: 'GetBucketEncryption',
  action: 'storage.buckets.get',
  needsBucket: true,
  async run(call) {
    const algorithm = call.services.storage.buckets.getEncryption(bucketOf(call));
    sendXml(call.res, renderXml('ServerSideEncryptionConfiguration', { Rule: { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: algorithm } } }));
  },
};
