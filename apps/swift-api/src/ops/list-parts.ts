// KakaoCloud Swift multipart extension: the parts of an upload (GET ...?uploadId=), as S3's ListPartsResult.
import { GatewayError } from '@gw/core';
import { renderXml } from '@gw/http';
import type { SwiftOperation } from '../routing/swift-operation';
import { sendBody } from '../wire/common-headers';
import { quotedEtag, uploadTargetOf } from '../wire/upload-target';

const MAX_PARTS = 1000;

export const listParts: SwiftOperation = {
  name: 'ListParts',
  action: 'storage.objects.list',
  needsBucket: true,
  async run(call) {
    const target = uploadTargetOf(call);
    const maxParts = integerParameter(call.query.get('max-parts'), MAX_PARTS);
    const after = integerParameter(call.query.get('part-number-marker'), 0);
    const result = await call.services.storage.multipart.listParts({ ...target, after, maxParts: Math.min(maxParts, MAX_PARTS) });
    const xml = renderXml(
      'ListPartsResult',
      {
        Tenant: call.account.id,
        Bucket: target.bucket.name,
        Key: target.key,
        UploadId: target.uploadId,
        PartNumberMarker: after,
        NextPartNumberMarker: result.nextPartNumberMarker,
        MaxParts: maxParts,
        IsTruncated: result.isTruncated,
        Part: result.parts.map((p) => ({ PartNumber: p.partNumber, LastModified: p.createdAt.toISOString(), ETag: quotedEtag(p.etag), Size: p.size })),
      },
      null,
    );
    sendBody(call.res, 200, 'application/xml', xml);
  },
};

function integerParameter(value: string | null, fallback: number): number {
  if (value === null) return fallback;
  if (!/^\d{1,9}$/.test(value)) throw new GatewayError('InvalidArgument', 'Expected a non-negative integer.');
  return Number(value);
}
