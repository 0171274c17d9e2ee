// KakaoCloud Swift multipart extension, "Step 3. Complete multipart upload" (PUT ...?uploadId= with the CompleteMultipartUpload XML): 201.
import { GatewayError } from '@gw/core';
import { completedPartsOf, parseXml, renderXml } from '@gw/http';
import type { SwiftOperation } from '../routing/swift-operation';
import { readBoundedBody } from '../wire/bounded-body';
import { sendBody } from '../wire/common-headers';
import { quotedEtag, uploadTargetOf } from '../wire/upload-target';

/** 10,000 parts of ~130 bytes each. */
const MAX_COMPLETE_BODY = 2 * 1024 * 1024;

/** The object is the one S3's CompleteMultipartUpload makes: same manifest, same ETag (`md5-of-md5s-N`). */
export const completeMultipartUpload: SwiftOperation = {
  name: 'CompleteMultipartUpload',
  action: 'storage.objects.create',
  needsBucket: true,
  async run(call) {
    const { req, res } = call;
    const target = uploadTargetOf(call);
    const body = await readBoundedBody(req, MAX_COMPLETE_BODY, () => new GatewayError('EntityTooLarge'));
    const object = await call.services.storage.multipart.complete({ ...target, parts: completedPartsOf(await parseXml(body)) });
    const xml = renderXml('CompleteMultipartUploadResult', { Tenant: call.account.id, Bucket: target.bucket.name, Key: object.key, ETag: quotedEtag(object.etag) }, null);
    res.setHeader('ETag', quotedEtag(object.etag));
    sendBody(res, 201, 'application/xml', xml);
  },
};
