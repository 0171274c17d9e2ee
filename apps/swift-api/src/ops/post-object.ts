// Swift "Create or update object metadata" (POST /v1/{account}/{container}/{object}; KakaoCloud "Change object metadata"): 202.
import { parseDloManifest } from '@gw/core';
import { containerOf, SwiftOperation } from '../routing/swift-operation';
import { readDeleteAtChange } from '../wire/delete-at';
import { readMetaHeaders } from '../wire/swift-headers';

export const postObject: SwiftOperation = {
  name: 'PostObject',
  action: 'storage.objects.create',
  needsBucket: true,
  async run(call) {
    // The X-Object-Meta-* of the request replace all of the object's user metadata. An
    // X-Object-Manifest points the object (a DLO, or a plain object that becomes one) at new
    // segments; without it a DLO stays the DLO it was, as on Ceph RGW, which KakaoCloud runs
    // (Swift's fast-POST would drop the header and leave a plain zero-byte object).
    const dloManifest = call.req.get('x-object-manifest');
    await call.services.storage.objects.updateMetadata({
      bucket: containerOf(call),
      key: call.target.object!,
      userMeta: readMetaHeaders(call.req.headers, 'object'),
      contentType: call.req.get('content-type') || undefined,
      deleteAt: readDeleteAtChange(call.req),
      dloManifest: dloManifest === undefined ? undefined : parseDloManifest(dloManifest),
    });
    call.res.status(202).setHeader('Content-Type', 'text/html; charset=UTF-8');
    call.res.setHeader('Content-Length', '0');
    call.res.end();
  },
};
