// KakaoCloud Swift multipart extension: abort an upload (DELETE ...?uploadId=): 204, its parts gone.
import type { SwiftOperation } from '../routing/swift-operation';
import { uploadTargetOf } from '../wire/upload-target';

export const abortMultipartUpload: SwiftOperation = {
  name: 'AbortMultipartUpload',
  action: 'storage.objects.delete',
  needsBucket: true,
  async run(call) {
    await call.services.storage.multipart.abort(uploadTargetOf(call));
    call.res.status(204).end();
  },
};
