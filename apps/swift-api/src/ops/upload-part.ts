// KakaoCloud Swift multipart extension, "Step 2. Upload part" (PUT ...?uploadId=&partNumber=): 200 with the part's ETag.
import { GatewayError, parsePartNumber } from '@gw/core';
import type { SwiftOperation } from '../routing/swift-operation';
import { declaredLength, requestBody } from '../wire/request-body';
import { quotedEtag, uploadTargetOf } from '../wire/upload-target';

export const uploadPart: SwiftOperation = {
  name: 'UploadPart',
  action: 'storage.objects.create',
  needsBucket: true,
  async run(call) {
    const { req, res } = call;
    const target = uploadTargetOf(call);
    // As for a whole object, an ETag request header is the hex MD5 the part must have (422 else).
    const md5 = req.get('etag')?.replace(/^"(.*)"$/, '$1').toLowerCase();
    if (md5 !== undefined && !/^[0-9a-f]{32}$/.test(md5)) throw new GatewayError('BadDigest');
    const part = await call.services.storage.multipart.uploadPart({
      ...target,
      partNumber: parsePartNumber(call.query.get('partNumber') ?? ''),
      body: requestBody(req),
      size: declaredLength(req),
      integrity: { md5 },
    });
    res.status(200);
    res.setHeader('ETag', quotedEtag(part.etag));
    res.setHeader('Content-Type', 'text/html; charset=UTF-8');
    res.setHeader('Content-Length', '0');
    res.end();
  },
};
