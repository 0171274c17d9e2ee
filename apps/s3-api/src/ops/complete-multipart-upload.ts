// CompleteMultipartUpload (S3 API reference; KakaoCloud S3 document "CompleteMultipartUpload"): no data copied.
import { uriEncode } from '@gw/auth';
import { isChecksumAlgorithm } from '@gw/core';
import { CompletedPart, GatewayError } from '@gw/core';
import type { S3Operation } from '../routing/s3-operation';
import { readCheckedSmallBody } from '../wire/body-integrity';
import { checksumElements } from '../wire/checksum-headers';
import { sendXml } from '../wire/common-headers';
import { quoteEtag } from '../wire/object-headers';
import { writeServerSideEncryption } from '../wire/server-side-encryption';
import { uploadTargetOf } from '../wire/upload-target';
import { writeNewVersionHeader } from '../wire/version-headers';
import { childText, children, parseXml, renderXml } from '../wire/xml';

export const completeMultipartUpload: S3Operation = {
  name: 'CompleteMultipartUpload',
  action: 'storage.objects.create',
  needsBucket: true,
  async run(call) {
    const { req, res } = call;
    const parts = partsOf(await parseXml(await readCheckedSmallBody(call)));
    const target = uploadTargetOf(call);
    const object = await call.services.storage.multipart.complete({ ...target, parts });
    writeNewVersionHeader(res, object.versionId);
    writeServerSideEncryption(res, object.encryption);
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

/** The `<Part>` list of the request: a part number and an ETag each, and the part checksums listed. */
function partsOf(document: Record<string, unknown>): CompletedPart[] {
  const root = document.CompleteMultipartUpload;
  if (root === undefined) throw new GatewayError('MalformedXML');
  const parts = children(root, 'Part').map((part) => {
    const number = childText(part, 'PartNumber')?.trim();
    const etag = childText(part, 'ETag');
    if (number === undefined || !/^\d{1,9}$/.test(number) || etag === undefined) throw new GatewayError('MalformedXML');
    const checksums: CompletedPart['checksums'] = {};
    for (const name of Object.keys(part as object)) {
      const algorithm = name.startsWith('Checksum') ? name.slice('Checksum'.length).toLowerCase() : undefined;
      const text = childText(part, name);
      if (isChecksumAlgorithm(algorithm) && text !== undefined) checksums[algorithm] = text.trim();
    }
    return { partNumber: Number(number), etag, checksums };
  });
  if (parts.length === 0) throw new GatewayError('MalformedXML', 'You must specify at least one part.');
  return parts;
}
