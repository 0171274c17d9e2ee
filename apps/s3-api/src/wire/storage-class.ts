import type { IncomingHttpHeaders } from 'node:http';
import { GatewayError } from '@gw/core';

/** One storage class is served: a write asking for any other is refused, as S3 refuses an unknown one. */
export function assertStandardStorageClass(headers: IncomingHttpHeaders): void {
  const storageClass = headers['x-amz-storage-class'];
  if (storageClass !== undefined && storageClass !== 'STANDARD') {
    throw new GatewayError('InvalidStorageClass', undefined, { StorageClassRequested: String(storageClass) });
  }
}
