// GetBucketAcl (S3 API reference; KakaoCloud S3 document "GetBucketAcl").
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';
import { renderAccessControlPolicy } from '../wire/acl-xml';
import { sendXml } from '../wire/common-headers';
import { ownerResolver } from '../wire/owner';

export const getBucketAcl: S3Operation = {
  name: 'GetBucketAcl',
  action: 'storage.buckets.getAcl',
  needsBucket: true,
  async run(call) {
    const acl = call.services.storage.acls.getBucketAcl(bucketOf(call));
    sendXml(call.res, await renderAccessControlPolicy(acl, ownerResolver(call.services.identity)));
  },
};
