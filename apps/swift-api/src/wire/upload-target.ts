import { GatewayError, UploadTarget } from '@gw/core';
import { containerOf, SwiftCall } from '../routing/swift-operation';

/** The upload a Swift multipart-extension request names: container, object and `?uploadId=`. */
export function uploadTargetOf(call: SwiftCall): UploadTarget {
  const uploadId = call.query.get('uploadId');
  if (!uploadId) throw new GatewayError('InvalidArgument', 'uploadId is required.');
  return { bucket: containerOf(call), key: call.target.object!, uploadId };
}

/** An ETag as the extension's XML and headers carry it: quoted, as S3 does. */
export const quotedEtag = (etag: string): string => `"${etag}"`;
