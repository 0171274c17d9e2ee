// Swift "Create or replace object" (PUT /v1/{account}/{container}/{object}): streamed, ETag-verified (422), atomic.
import { GatewayError } from '@gw/core';
import { containerOf, SwiftOperation } from '../routing/swift-operation';
import { declaredLength, requestBody } from '../wire/request-body';
import { readMetaHeaders, swiftTimestamp } from '../wire/swift-headers';

/** Headers Swift keeps with an object and returns on GET/HEAD, as S3 does. */
const STORED_HEADERS = ['content-encoding', 'content-disposition', 'cache-control', 'content-language', 'expires'];

export const putObject: SwiftOperation = {
  name: 'PutObject',
  action: 'storage.objects.create',
  needsBucket: true,
  async run(call) {
    const { req, res, principal } = call;
    // The ETag request header is the hex MD5 of the body; quotes are tolerated as Swift does.
    const etag = req.get('etag')?.replace(/^"(.*)"$/, '$1').toLowerCase();
    if (etag !== undefined && !/^[0-9a-f]{32}$/.test(etag)) throw new GatewayError('BadDigest');
    const headers = Object.fromEntries(STORED_HEADERS.flatMap((name) => (req.get(name) === undefined ? [] : [[name, req.get(name)!]])));
    const object = await call.services.storage.objects.put({
      bucket: containerOf(call),
      key: call.target.object!,
      body: requestBody(req),
      size: declaredLength(req),
      contentType: req.get('content-type') || 'application/octet-stream',
      userMeta: readMetaHeaders(req.headers, 'object'),
      headers,
      ownerUserId: principal.kind === 'user' ? principal.userId : undefined,
      integrity: { md5: etag },
    });
    res.status(201);
    res.setHeader('ETag', object.etag);
    res.setHeader('Last-Modified', object.createdAt.toUTCString());
    res.setHeader('X-Timestamp', swiftTimestamp(object.createdAt));
    res.setHeader('Content-Type', 'text/html; charset=UTF-8');
    res.setHeader('Content-Length', '0');
    res.end();
  },
};
