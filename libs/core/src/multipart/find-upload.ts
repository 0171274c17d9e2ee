import { BucketRecord, Queryable, repositories, UploadRecord } from '@gw/metadata';
import { GatewayError } from '../errors';
import { isUploadId } from './upload-id';

/** What names an upload on the wire: the bucket and key it was created for, and its id. */
export interface UploadTarget {
  bucket: BucketRecord;
  key: string;
  uploadId: string;
}

/**
 * The upload `target` names, or NoSuchUpload: an id of another bucket or key names nothing.
 * With `lock`, the row stays locked for the rest of the transaction `q`.
 */
export async function findUpload(q: Queryable, target: UploadTarget, options: { lock?: boolean } = {}): Promise<UploadRecord> {
  const uploads = repositories(q).uploads;
  const upload = !isUploadId(target.uploadId)
    ? undefined
    : options.lock
      ? await uploads.lock(target.uploadId)
      : await uploads.find(target.uploadId);
  if (!upload || upload.bucketId !== target.bucket.id || upload.key !== target.key) {
    throw new GatewayError('NoSuchUpload', undefined, { UploadId: target.uploadId });
  }
  return upload;
}
