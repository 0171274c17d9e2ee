// UploadPartCopy (S3 API reference; KakaoCloud S3 document "UploadPartCopy"): x-amz-copy-source[-range], copy conditions.
import type { S3Operation } from '../routing/s3-operation';
import { checksumElements } from '../wire/checksum-headers';
import { sendXml } from '../wire/common-headers';
import { authorizedCopySource, parseCopySourceRange } from '../wire/copy-source';
import { quoteEtag } from '../wire/object-headers';
import { refuseCustomerKeys, writeServerSideEncryption } from '../wire/server-side-encryption';
import { xmlTime } from '../wire/timestamps';
import { partNumberOf, uploadTargetOf } from '../wire/upload-target';
import { renderXml } from '../wire/xml';

export const uploadPartCopy: S3Operation = {
  name: 'UploadPartCopy',
  action: 'storage.objects.create',
  needsBucket: true,
  async run(call) {
    const { req, res } = call;
    const partNumber = partNumberOf(call);
    refuseCustomerKeys(req.headers);
    const range = parseCopySourceRange(req.headers['x-amz-copy-source-range'] as string | undefined);
    const source = await authorizedCopySource(call);
    const part = await call.services.storage.multipart.uploadPartCopy({ ...uploadTargetOf(call), partNumber, source, range });
    if (source.versionId !== undefined) res.setHeader('x-amz-copy-source-version-id', source.versionId);
    writeServerSideEncryption(res, part.encryption);
    sendXml(
      res,
      renderXml('CopyPartResult', { LastModified: xmlTime(part.createdAt), ETag: quoteEtag(part.etag), ...checksumElements(part.checksums) }),
    );
  },
};
