import { parsePartNumber, UploadTarget } from '@gw/core';
import { bucketOf, S3Call } from '../routing/s3-operation';

/** The upload a request names: its bucket and key in the path, `uploadId` in the query. */
export function uploadTargetOf(call: S3Call): UploadTarget {
  return { bucket: bucketOf(call), key: call.target.key!, uploadId: call.query.get('uploadId') ?? '' };
}

/** `partNumber` of UploadPart and UploadPartCopy (1..10000, else InvalidArgument). */
export const partNumberOf = (call: S3Call): number => parsePartNumber(call.query.get('partNumber') ?? '');
