import { CopyRange, CopySource, copySourceTooLarge, openCopySource } from '../objects/copy-source';
import { writeVerifiedBlob } from '../objects/put-object';
import type { StorageContext } from '../storage-context';
import { findUpload, UploadTarget } from './find-upload';
import { assertPartNumber } from './part-number';
import { commitPart, partChecksums, UploadedPart } from './upload-part';

export interface UploadPartCopyInput extends UploadTarget {
  partNumber: number;
  source: CopySource;
  /** The part is this range of the source; the whole source when absent. */
  range?: CopyRange;
}

/**
 * UploadPartCopy: part N becomes a copy of an object, or of a byte range of it. The bytes stream
 * from the source's blobs (decrypted when they are encrypted) into a new blob of the part's own,
 * encrypted when the upload is (a part must outlive its source), then the part is recorded
 * exactly as UploadPart records one.
 */
export async function uploadPartCopy(ctx: StorageContext, input: UploadPartCopyInput): Promise<UploadedPart> {
  assertPartNumber(input.partNumber);
  const upload = await findUpload(ctx.db.knex, input);
  const { object, range, body } = await openCopySource(ctx, input.source, input.range);
  const size = range ? range.end - range.start + 1 : object.size;
  if (size > ctx.limits.maxObjectSize) {
    body.destroy();
    throw copySourceTooLarge(ctx.limits.maxObjectSize);
  }
  const integrity = { checksums: partChecksums(upload) };
  const blob = await writeVerifiedBlob(ctx, { bucket: input.bucket, body, size, integrity, encryption: upload.encryption });
  return commitPart(ctx, input, input.partNumber, blob, upload.encryption);
}
