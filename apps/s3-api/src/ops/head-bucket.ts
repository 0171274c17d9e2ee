// HeadBucket (S3 API reference; KakaoCloud S3 document "HeadBucket": X-Rgw-* usage headers).
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';

export const headBucket: S3Operation = {
  name: 'HeadBucket',
  // S3 lets whoever may list a bucket HEAD it (s3:ListBucket), so a public-read bucket answers anonymous HEADs.
  action: 'storage.objects.list',
  needsBucket: true,
  async run(call) {
    const bucket = bucketOf(call);
    const { res } = call;
    res.setHeader('x-amz-bucket-region', bucket.region);
    res.setHeader('X-Rgw-Bytes-Used', String(bucket.bytesUsed));
    res.setHeader('X-Rgw-Object-Count', String(bucket.objectCount));
    res.status(200).setHeader('Content-Length', '0');
    res.end();
  },
};
