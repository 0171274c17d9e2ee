// Swift "Create or replace object" (PUT /v1/{account}/{container}/{object}): streamed, ETag-verified (422), atomic.
import { GatewayError, parseDloManifest } from '@gw/core';
import { containerOf, SwiftOperation } from '../routing/swift-operation';
import { declaredLength, requestBody } from '../wire/request-body';
import { sendCreated } from '../wire/created-answer';
import { readDeleteAt } from '../wire/delete-at';
import { readStoredHeaders } from '../wire/stored-headers';
import { readMetaHeaders } from '../wire/swift-headers';
import { copyFromRequest } from './copy-object';

export const putObject: SwiftOperation = {
  name: 'PutObject',
  action: 'storage.objects.create',
  needsBucket: true,
  async run(call) {
    const { req, res, principal } = call;
    // `X-Copy-From` makes the PUT a server-side copy (Swift's copy middleware).
    if (req.get('x-copy-from') !== undefined) return copyFromRequest(call);
    const deleteAt = readDeleteAt(req);
    const dloManifest = req.get('x-object-manifest');
    const largeObject = dloManifest === undefined ? undefined : { kind: 'dlo' as const, ...parseDloManifest(dloManifest) };
    // The ETag request header is the hex MD5 of the body; quotes are tolerated as Swift does.
    const etag = req.get('etag')?.replace(/^"(.*)"$/, '$1').toLowerCase();
    if (etag !== undefined && !/^[0-9a-f]{32}$/.test(etag)) throw new GatewayError('BadDigest');
    const object = await call.services.storage.objects.put({
      bucket: containerOf(call),
      key: call.target.object!,
      body: requestBody(req),
      size: declaredLength(req),
      contentType: req.get('content-type') || 'application/octet-stream',
      userMeta: readMetaHeaders(req.headers, 'object'),
      headers: readStoredHeaders(req),
      ownerUserId: principal.kind === 'user' ? principal.userId : undefined,
      integrity: { md5: etag },
      deleteAt,
      largeObject,
    });
    sendCreated(res, object);
  },
};
