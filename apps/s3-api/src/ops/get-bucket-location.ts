// GetBucketLocation (S3 API reference).
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';
import { sendXml } from '../wire/common-headers';
import { renderXml } from '../wire/xml';

export const getBucketLocation: S3Operation = {
  name: 'GetBucketLocation',
  action: 'storage.buckets.get',
  needsBucket: true,
  async run(call) {
    // LocationConstraint is the document's root and holds the region as text.
    const xml = renderXml('LocationConstraint', { _: bucketOf(call).region });
    sendXml(call.res, xml);
  },
};
