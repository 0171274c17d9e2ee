import type { ChecksumAlgorithm } from '@gw/blob';
import { ObjectPartRecord, ObjectRecord, repositories, UploadPartRecord, UploadRecord, withTransaction } from '@gw/metadata';
import { GatewayError } from '../errors';
import { insertObjectVersion } from '../objects/put-object';
import type { StorageContext } from '../storage-context';
import { findUpload, UploadTarget } from './find-upload';
import { compositeChecksum, multipartEtag } from './multipart-etag';
import { MIN_PART_SIZE } from './part-number';

/** A part as the client lists it in CompleteMultipartUpload. */
export interface CompletedPart {
  partNumber: number;
  /** As the client sends it: quoted or not. */
  etag: string;
  /** Part checksums the client lists (ChecksumCRC32, ...): each must be the stored one. */
  checksums?: Partial<Record<ChecksumAlgorithm, string>>;
}

export interface CompleteUploadInput extends UploadTarget {
  parts: CompletedPart[];
}

/**
 * CompleteMultipartUpload. No data is copied: in one transaction the object row and its
 * manifest (the listed parts' blobs with their start offsets) are written, the version it
 * replaces is released, the unlisted parts' blobs are queued for collection and the upload is
 * gone. Its cost grows with the number of parts, never with the size of the object.
 */
export async function completeUpload(ctx: StorageContext, input: CompleteUploadInput): Promise<ObjectRecord> {
  if (input.parts.length === 0) throw new GatewayError('InvalidRequest', 'You must specify at least one part.');
  for (let i = 1; i < input.parts.length; i++) {
    if (input.parts[i].partNumber <= input.parts[i - 1].partNumber) throw new GatewayError('InvalidPartOrder', undefined, { UploadId: input.uploadId });
  }
  return withTransaction(ctx.db.knex, async (trx) => {
    const upload = await findUpload(trx, input, { lock: true });
    const repos = repositories(trx);
    const stored = await repos.uploads.allParts(upload.uploadId);
    const byNumber = new Map(stored.map((part) => [part.partNumber, part]));
    const chosen = input.parts.map((listed) => storedPart(upload, byNumber, listed));
    chosen.slice(0, -1).forEach(assertPartSize);

    const manifest = manifestOf(chosen);
    const size = chosen.reduce((total, part) => total + part.size, 0);
    const object = await insertObjectVersion(trx, input.bucket, {
      key: upload.key,
      size,
      etag: multipartEtag(chosen.map((part) => part.etag)),
      contentType: upload.contentType,
      userMeta: upload.userMeta,
      headers: upload.headers,
      checksums: objectChecksums(upload, chosen),
      tags: upload.tags,
      partCount: chosen.length,
      ownerUserId: upload.ownerUserId,
      acl: upload.acl,
      encryption: upload.encryption,
    });
    await repos.objects.insertParts(object.id, manifest);
    const listed = new Set(chosen.map((part) => part.partNumber));
    await repos.blobs.enqueueGarbage(stored.filter((part) => !listed.has(part.partNumber)).map((part) => part.blobId));
    await repos.uploads.delete(upload.uploadId); // the part rows go with it
    return object;
  });
}

/** The stored part a listed part names: same number, same ETag (quotes ignored), same checksums. */
function storedPart(upload: UploadRecord, byNumber: Map<number, UploadPartRecord>, listed: CompletedPart): UploadPartRecord {
  const part = byNumber.get(listed.partNumber);
  const etag = listed.etag.trim().replace(/^"(.*)"$/, '$1').toLowerCase();
  const checksumsMatch = Object.entries(listed.checksums ?? {}).every(
    ([algorithm, value]) => part?.checksums[algorithm] === undefined || part.checksums[algorithm] === value,
  );
  if (!part || part.etag !== etag || !checksumsMatch) {
    throw new GatewayError('InvalidPart', undefined, { UploadId: upload.uploadId, PartNumber: listed.partNumber, ETag: listed.etag });
  }
  return part;
}

function assertPartSize(part: UploadPartRecord): void {
  if (part.size < MIN_PART_SIZE) {
    throw new GatewayError('EntityTooSmall', undefined, {
      ProposedSize: part.size,
      MinSizeAllowed: MIN_PART_SIZE,
      PartNumber: part.partNumber,
      ETag: part.etag,
    });
  }
}

/** The object's parts in order, each with the offset where its bytes start. */
function manifestOf(parts: UploadPartRecord[]): ObjectPartRecord[] {
  let offset = 0;
  return parts.map((part) => {
    const { partNumber, blobId, blobKey, size, etag } = part;
    const entry = { partNumber, blobId, blobKey, size, etag, startOffset: offset };
    offset += part.size;
    return entry;
  });
}

/**
 * The composite checksum of the upload's algorithm when every part carries it. CRC64NVME has
 * no composite form in S3 (only a full-object one, which would need the whole body): none then.
 */
function objectChecksums(upload: UploadRecord, parts: UploadPartRecord[]): Record<string, string> {
  const algorithm = upload.checksumAlgorithm as ChecksumAlgorithm | undefined;
  if (!algorithm || algorithm === 'crc64nvme') return {};
  const values = parts.map((part) => part.checksums[algorithm]);
  if (values.some((value) => value === undefined)) return {};
  return { [algorithm]: compositeChecksum(algorithm, values) };
}
