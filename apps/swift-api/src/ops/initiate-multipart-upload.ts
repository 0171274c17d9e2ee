// KakaoCloud Swift multipart extension, "Step 1. Initiate multipart upload" (POST ...?uploads): 201 with InitiateMultipartUploadResult.
import { renderXml } from '@gw/http';
import { containerOf, SwiftOperation } from '../routing/swift-operation';
import { sendBody } from '../wire/common-headers';
import { readStoredHeaders } from '../wire/stored-headers';
import { readMetaHeaders } from '../wire/swift-headers';

export const initiateMultipartUpload: SwiftOperation = {
  name: 'InitiateMultipartUpload',
  action: 'storage.objects.create',
  needsBucket: true,
  async run(call) {
    const { req, res, principal } = call;
    const bucket = containerOf(call);
    const upload = await call.services.storage.multipart.create({
      bucket,
      key: call.target.object!,
      contentType: req.get('content-type') || 'application/octet-stream',
      userMeta: readMetaHeaders(req.headers, 'object'),
      headers: readStoredHeaders(req),
      ownerUserId: principal.kind === 'user' ? principal.userId : undefined,
    });
    const xml = renderXml('InitiateMultipartUploadResult', { Tenant: call.account.id, Bucket: bucket.name, Key: upload.key, UploadId: upload.uploadId }, null);
    sendBody(res, 201, 'application/xml', xml);
  },
};
