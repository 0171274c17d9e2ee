// ListParts (S3 API reference; KakaoCloud S3 document "ListParts", whose element order it keeps): part-number-marker, max-parts.
import { GatewayError } from '@gw/core';
import type { S3Operation } from '../routing/s3-operation';
import { checksumElements } from '../wire/checksum-headers';
import { sendXml } from '../wire/common-headers';
import { keyEncoder, parseEncodingType, parseMaxKeys } from '../wire/list-params';
import { quoteEtag } from '../wire/object-headers';
import { ownerResolver } from '../wire/owner';
import { xmlTime } from '../wire/timestamps';
import { uploadTargetOf } from '../wire/upload-target';
import { renderXml } from '../wire/xml';

export const listParts: S3Operation = {
  name: 'ListParts',
  action: 'storage.objects.list',
  needsBucket: true,
  async run(call) {
    const { query } = call;
    const after = partNumberMarker(query.get('part-number-marker'));
    const maxParts = parseMaxKeys(query, 'max-parts');
    const encoding = parseEncodingType(query);
    const target = uploadTargetOf(call);
    const page = await call.services.storage.multipart.listParts({ ...target, after, maxParts });
    const owner = (await ownerResolver(call.services.identity)(page.upload.ownerUserId)) ?? {};
    const xml = renderXml('ListPartsResult', {
      Tenant: call.accountId,
      Bucket: target.bucket.name,
      Key: keyEncoder(encoding)(page.upload.key),
      UploadId: page.upload.uploadId,
      StorageClass: 'STANDARD',
      PartNumberMarker: after,
      NextPartNumberMarker: page.nextPartNumberMarker,
      MaxParts: maxParts,
      IsTruncated: page.isTruncated,
      Initiator: owner,
      Owner: owner,
      ...(encoding ? { EncodingType: encoding } : {}),
      ...(page.upload.checksumAlgorithm ? { ChecksumAlgorithm: page.upload.checksumAlgorithm.toUpperCase() } : {}),
      Part: page.parts.map((part) => ({
        PartNumber: part.partNumber,
        LastModified: xmlTime(part.createdAt),
        ETag: quoteEtag(part.etag),
        Size: part.size,
        ...checksumElements(part.checksums),
      })),
    });
    sendXml(call.res, xml);
  },
};

function partNumberMarker(raw: string | null): number {
  if (raw === null || raw === '') return 0;
  if (!/^\d{1,9}$/.test(raw)) {
    throw new GatewayError('InvalidArgument', 'Provided part-number-marker not an integer or within integer range', {
      ArgumentName: 'part-number-marker',
      ArgumentValue: raw,
    });
  }
  return Number(raw);
}
