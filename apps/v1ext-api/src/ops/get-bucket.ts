// /v1_ext "View bucket details" / "Query bucket metadata" (GET /v1_ext/bucket/{name}, also /v1_ext/{name}).
import { bucketOf, V1extOperation } from '../routing/v1ext-operation';
import { bucketDetail, writeBucketMetaHeaders } from '../wire/bucket-model';

export const getBucket: V1extOperation = {
  name: 'GetBucket',
  action: 'storage.buckets.get',
  async run(call) {
    const bucket = bucketOf(call);
    writeBucketMetaHeaders(call.res, bucket);
    call.res.status(200).json(bucketDetail(bucket));
  },
};
