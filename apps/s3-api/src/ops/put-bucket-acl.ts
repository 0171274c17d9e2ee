// PutBucketAcl (S3 API reference; KakaoCloud S3 document "PutBucketAcl": user ids and AllUsers).
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';
import { readAclRequest } from '../wire/acl-request';

export const putBucketAcl: S3Operation = {
  name: 'PutBucketAcl',
  action: 'storage.buckets.setAcl',
  needsBucket: true,
  async run(call) {
    await call.services.storage.acls.putBucketAcl(bucketOf(call), await readAclRequest(call));
    call.res.status(200).setHeader('Content-Length', '0');
    call.res.end();
  },
};
