// PutBucketCors (S3 API reference; the rules /v1_ext "Bucket CORS policy" manages too): replaces the bucket's CORS rules.
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';
import { readCheckedSmallBody } from '../wire/body-integrity';
import { parseCorsXml } from '../wire/cors-xml';

export const putBucketCors: S3Operation = {
  name: 'PutBucketCors',
  action: 'storage.buckets.update',
  needsBucket: true,
  async run(call) {
    const configuration = await parseCorsXml(await readCheckedSmallBody(call));
    await call.services.storage.bucketConfig.putCors(bucketOf(call), configuration);
    call.res.status(200).setHeader('Content-Length', '0');
    call.res.end();
  },
};
