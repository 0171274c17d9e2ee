import type { Readable } from 'node:stream';
import type { ChecksumAlgorithm } from '@gw/blob';
import { repositories, ServerSideEncryption, UploadPartRecord, UploadRecord } from '@gw/metadata';
import type { WrittenBlob } from '../blob-io';
import { GatewayError } from '../errors';
import { commitWithBlob, IntegrityExpectations, writeVerifiedBlob } from '../objects/put-object';
import type { StorageContext } from '../storage-context';
import { findUpload, UploadTarget } from './find-upload';
import { assertPartNumber } from './part-number';

export interface UploadPartInput extends UploadTarget {
  partNumber: number;
  body: Readable;
  /** The body's exact length when the client announced it. */
  size?: number;
  integrity?: IntegrityExpectations;
}

/** A recorded part, with the encryption at rest its upload gave it. */
export type UploadedPart = UploadPartRecord & { encryption?: ServerSideEncryption };

/**
 * UploadPart: the body becomes a blob of its own (MD5 and the requested checksums computed as it
 * streams, verified like a PutObject body), then one transaction records it as part N. A part
 * uploaded again under the same number replaces the earlier one, whose blob is queued for
 * collection in that transaction. Parts are encrypted at rest when their upload is.
 */
export async function uploadPart(ctx: StorageContext, input: UploadPartInput): Promise<UploadedPart> {
  assertPartNumber(input.partNumber);
  const upload = await findUpload(ctx.db.knex, input); // before reading a body that would be thrown away
  if (input.size !== undefined && input.size > ctx.limits.maxObjectSize) throw new GatewayError('EntityTooLarge');
  const blob = await writeVerifiedBlob(ctx, {
    bucket: input.bucket,
    body: input.body,
    size: input.size,
    integrity: { ...input.integrity, checksums: partChecksums(upload, input.integrity?.checksums) },
    encryption: upload.encryption,
  });
  return commitPart(ctx, input, input.partNumber, blob, upload.encryption);
}

/** The checksums a part gets: those the client asked for, plus the upload's own algorithm. */
export function partChecksums(upload: UploadRecord, requested: readonly ChecksumAlgorithm[] = []): ChecksumAlgorithm[] {
  const algorithms = new Set(requested);
  if (upload.checksumAlgorithm) algorithms.add(upload.checksumAlgorithm as ChecksumAlgorithm);
  return [...algorithms];
}

/** Records a durable blob as part `partNumber`; the upload may have ended meanwhile (NoSuchUpload, blob removed). */
export function commitPart(
  ctx: StorageContext,
  target: UploadTarget,
  partNumber: number,
  blob: WrittenBlob,
  encryption: ServerSideEncryption | undefined,
): Promise<UploadedPart> {
  return commitWithBlob(ctx, blob, async (trx) => {
    await findUpload(trx, target, { lock: true });
    const repos = repositories(trx);
    const replaced = await repos.uploads.findPart(target.uploadId, partNumber);
    if (replaced) await repos.blobs.enqueueGarbage([replaced.blobId]);
    const part = await repos.uploads.putPart({
      uploadId: target.uploadId,
      partNumber,
      blobId: blob.id,
      blobKey: blob.key,
      size: blob.size,
      etag: blob.md5,
      checksums: blob.checksums as Record<string, string>,
    });
    return { ...part, encryption };
  });
}
