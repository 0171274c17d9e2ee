// PutBucketLogging (KakaoCloud S3 document: Supported; S3 API reference): logs into a bucket of the same account, or stops with an empty status.
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';
import { readCheckedSmallBody } from '../wire/body-integrity';
import { parseLoggingXml } from '../wire/logging-xml';

export const putBucketLogging: S3Operation = {
  name: 'PutBucketLogging',
  action: 'storage.buckets.update',
  needsBucket: true,
  async run(call) {
    const logging = await parseLoggingXml(await readCheckedSmallBody(call));
    await call.services.storage.bucketConfig.putLogging(bucketOf(call), logging);
    call.res.status(200).setHeader('Content-Length', '0');
    call.res.end();
  },
};
