// GetBucketCors (S3 API reference): the bucket's CORS rules, or NoSuchCORSConfiguration.
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';
import { sendXml } from '../wire/common-headers';
import { renderCorsXml } from '../wire/cors-xml';

export const getBucketCors: S3Operation = {
  name: 'GetBucketCors',
  action: 'storage.buckets.get',
  needsBucket: true,
  async run(call) {
    sendXml(call.res, renderCorsXml(call.services.storage.bucketConfig.getCors(bucketOf(call))));
  },
};
