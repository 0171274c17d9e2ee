// AbortMultipartUpload (S3 API reference; KakaoCloud S3 document "AbortMultipartUpload"): 204, parts released.
import type { S3Operation } from '../routing/s3-operation';
import { uploadTargetOf } from '../wire/upload-target';

export const abortMultipartUpload: S3Operation = {
  name: 'AbortMultipartUpload',
  action: 'storage.objects.delete',
  needsBucket: true,
  async run(call) {
    await call.services.storage.multipart.abort(uploadTargetOf(call));
    call.res.status(204).end();
  },
};
