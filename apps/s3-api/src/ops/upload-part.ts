// UploadPart (S3 API reference; KakaoCloud S3 document "UploadPart"): a body read, verified and stored as PutObject's is.
import type { S3Operation } from '../routing/s3-operation';
import { declaredObjectSize } from '../wire/body-size';
import { writeChecksumHeaders } from '../wire/checksum-headers';
import { readIntegrityHeaders } from '../wire/integrity-headers';
import { quoteEtag } from '../wire/object-headers';
import { refuseCustomerKeys, writeServerSideEncryption } from '../wire/server-side-encryption';
import { partNumberOf, uploadTargetOf } from '../wire/upload-target';

export const uploadPart: S3Operation = {
  name: 'UploadPart',
  action: 'storage.objects.create',
  needsBucket: true,
  async run(call) {
    const { req, res, auth } = call;
    const partNumber = partNumberOf(call);
    refuseCustomerKeys(req.headers);
    const part = await call.services.storage.multipart.uploadPart({
      ...uploadTargetOf(call),
      partNumber,
      body: call.body(),
      size: declaredObjectSize(req.headers),
      integrity: readIntegrityHeaders(req.headers, auth.trailers),
    });
    res.setHeader('ETag', quoteEtag(part.etag));
    writeChecksumHeaders(res, part.checksums);
    writeServerSideEncryption(res, part.encryption);
    res.status(200).setHeader('Content-Length', '0');
    res.end();
  },
};
