// GetBucketVersioning (S3 API reference): Status Enabled or Suspended; an empty document for a bucket never versioned.
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';
import { sendXml } from '../wire/common-headers';
import { renderXml } from '../wire/xml';

export const getBucketVersioning: S3Operation = {
  name: 'GetBucketVersioning',
  action: 'storage.buckets.get',
  needsBucket: true,
  async run(call) {
    const { versioning } = bucketOf(call);
    sendXml(call.res, renderXml('VersioningConfiguration', versioning === 'Unversioned' ? {} : { Status: versioning }));
  },
};
