// /v1_ext "Query bucket metadata" with HEAD: the detail call's headers (user metadata as X-Container-Meta-*), no body.
import { bucketOf, V1extOperation } from '../routing/v1ext-operation';
import { writeBucketMetaHeaders } from '../wire/bucket-model';

export const headBucket: V1extOperation = {
  name: 'HeadBucket',
  action: 'storage.buckets.get',
  async run(call) {
    const bucket = bucketOf(call);
    writeBucketMetaHeaders(call.res, bucket);
    call.res.setHeader('X-Container-Object-Count', String(bucket.objectCount));
    call.res.setHeader('X-Container-Bytes-Used', String(bucket.bytesUsed));
    call.res.status(200).end();
  },
};
