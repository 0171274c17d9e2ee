// CompleteMultipartUpload (S3 API reference; KakaoCloud S3 document "CompleteMultipartUpload"): no data copied.
import { uriEncode } from '@gw/auth';
import { completedPartsOf } from '@gw/http';
import type { S3Operation } from '../routing/s3-operation';
import { readCheckedSmallBody } from '../wire/body-integrity';
import { checksumElements } from '../wire/checksum-headers';
import { sendXml } from '../wire/common-headers';
import { quoteEtag } from '../wire/object-headers';
import { writeExpirationHeader } from '../wire/expiration-header';
import { writeServerSideEncryption } from '../wire/server-side-encryption';
import { uploadTargetOf } from '../wire/upload-target';
import { writeNewVersionHeader } from '../wire/version-headers';
import { parseXml, renderXml } from '../wire/xml';

export const completeMultipartUpload: S3Operation = {
  name: 'CompleteMultipartUpload',
  action: 'storage.objects.create',
  needsBucket: true,
  async run(call) {
    const { req, res } = call;
    const parts = completedPartsOf(await parseXml(await readCheckedSmallBody(call)));
    const target = uploadTargetOf(call);
    const object = await call.services.storage.multipart.complete({ ...target, parts });
    writeNewVersionHeader(res, object.versionId);
    writeServerSideEncryption(res, object.encryption);
    writeExpirationHeader(res, target.bucket, object);
    const location = `${req.protocol}://${req.headers.host}/${uriEncode(target.bucket.name, false)}/${uriEncode(object.key, false)}`;
    const xml = renderXml('CompleteMultipartUploadResult', {
      Location: location,
      Tenant: call.accountId,
      Bucket: target.bucket.name,
      Key: object.key,
      ETag: quoteEtag(object.etag),
      ...checksumElements(object.checksums),
    });
    sendXml(res, xml);
  },
};
