import { isChecksumAlgorithm } from '@gw/blob';
import { AclGrant, BucketRecord, ObjectPartRecord, ObjectRecord, Queryable, repositories, ServerSideEncryption, withTransaction } from '@gw/metadata';
import type { AclInput } from '../acl/acl';
import { objectOwnerOf } from '../acl/canned-acl';
import { resolveAcl } from '../acl/resolve-acl';
import { GatewayError } from '../errors';
import { resolveDloSegments } from '../large-objects/dlo-segments';
import type { StorageContext } from '../storage-context';
import { checkCopyConditions, copyError, CopySource, copySourceTooLarge, openCopySource } from './copy-source';
import { assertValidObjectKey } from './object-key';
import { commitWithBlob, insertObjectVersion, writeVerifiedBlob } from './put-object';
import { resolveVersion } from './resolve-version';
import { assertValidTagSet } from './tag-set';
import { assertUserMetadataSize } from './user-metadata';

/** What a copy stores instead of the source's metadata (S3's metadata directive REPLACE). */
export interface CopyMetadata {
  contentType?: string;
  userMeta: Record<string, string>;
  headers: Record<string, string>;
}

export interface CopyObjectInput {
  source: CopySource;
  bucket: BucketRecord;
  key: string;
  /**
   * The copy's metadata; absent: the source's content type, user metadata and stored headers. A
   * function derives it from the source version actually copied (Swift merges the request's
   * metadata into the source's), in the copy's transaction.
   */
  metadata?: CopyMetadata | ((source: ObjectRecord) => CopyMetadata);
  /** Swift X-Delete-At of the copy (never the source's). */
  deleteAt?: Date;
  /** The copy's tags; absent: the source's. */
  tags?: Record<string, string>;
  /** The request changes a stored attribute besides metadata (storage class, encryption): a copy onto itself is then legal. */
  changesAttributes?: boolean;
  /** The copy's ACL (never the source's); private when absent. */
  acl?: AclInput;
  ownerUserId?: string;
  /** Encrypt the copy at rest (S3: x-amz-server-side-encryption), whatever the destination bucket's default. */
  encryption?: ServerSideEncryption;
}

export interface CopyObjectResult {
  object: ObjectRecord;
  /** The version copied. */
  source: ObjectRecord;
}

/**
 * CopyObject, within a bucket or across buckets. The copy is encrypted at rest as asked, or else
 * as its bucket's default says (never because its source was). When source and copy agree on
 * encryption, no data is written: blobs never change once written, so the copy's row points at
 * the source's blob (or its parts' blobs), with their keys, and the ETag, size and checksums stay
 * the source's. The collector re-checks every reference before it unlinks a blob, so deleting the
 * source later cannot take bytes the copy still uses. When they disagree, sharing would hand out
 * ciphertext as plaintext (or keep in clear what must be encrypted): the bytes are streamed
 * through a new blob instead.
 */
export async function copyObject(ctx: StorageContext, input: CopyObjectInput): Promise<CopyObjectResult> {
  assertValidObjectKey(input.key);
  if (input.metadata && typeof input.metadata !== 'function') assertUserMetadataSize(input.metadata.userMeta, ctx.limits.maxUserMetadataBytes);
  if (input.tags) assertValidTagSet(input.tags);
  const owners = { owner: objectOwnerOf(input.bucket, input.ownerUserId), bucketOwner: input.bucket.ownerUserId };
  const acl = input.acl && (await resolveAcl(ctx.db.knex, input.acl, owners));
  const encryption = input.encryption ?? input.bucket.encryption;
  return (await copySharingBlobs(ctx, input, acl, encryption)) ?? copyThroughNewBlob(ctx, input, acl, encryption);
}

/**
 * The copy as a new row over the source's blobs, or undefined (nothing written) when the source's
 * encryption is not the copy's. One transaction holds both buckets' row locks (taken in id order,
 * so two copies in opposite directions cannot deadlock): the source version cannot be deleted
 * while the copy is recorded, and the collector sees either the source's reference or the copy's,
 * never neither.
 */
async function copySharingBlobs(
  ctx: StorageContext,
  input: CopyObjectInput,
  acl: AclGrant[] | undefined,
  encryption: ServerSideEncryption | undefined,
): Promise<CopyObjectResult | undefined> {
  return withTransaction(ctx.db.knex, async (trx) => {
    await lockBuckets(trx, [input.source.bucket, input.bucket]);
    // Read before the insert: a copy onto its own key releases the source row (and its parts).
    const { source, parts } = await storedBytesOf(trx, input.source, await findSource(trx, input.source));
    assertCopyable(ctx, input, source);
    if (source.encryption !== encryption) return undefined;
    // Everything else describing the stored bytes (blob, parts, keys, checksums, ...) is the source's;
    // a large object's marker is not: its copy is a plain object of the same bytes.
    const { id: _id, bucketId: _bucket, versionId: _version, isLatest: _latest, isDeleteMarker: _marker, createdAt: _created, acl: _acl, largeObject: _large, ...stored } = source;
    const object = await insertObjectVersion(trx, input.bucket, { ...stored, ...copiedAttributes(ctx, input, source, acl) });
    if (parts.length > 0) await repositories(trx).objects.insertParts(object.id, parts);
    return { object, source };
  });
}

/**
 * The copy as a new blob: the source's plaintext (its blobs decrypted when encrypted) streamed
 * into one blob, encrypted when the copy is. Its ETag is then the MD5 of the bytes, as for any
 * single-part copy, and its checksums are computed afresh with the source's algorithms.
 */
async function copyThroughNewBlob(
  ctx: StorageContext,
  input: CopyObjectInput,
  acl: AclGrant[] | undefined,
  encryption: ServerSideEncryption | undefined,
): Promise<CopyObjectResult> {
  const { object: source, body } = await openCopySource(ctx, input.source);
  try {
    assertCopyable(ctx, input, source);
  } catch (error) {
    body.destroy();
    throw error;
  }
  const checksums = Object.keys(source.checksums).filter(isChecksumAlgorithm);
  const blob = await writeVerifiedBlob(ctx, { bucket: input.bucket, body, size: source.size, integrity: { checksums }, encryption });
  return commitWithBlob(ctx, blob, async (trx) => {
    const object = await insertObjectVersion(trx, input.bucket, {
      size: blob.size,
      etag: blob.md5,
      checksums: blob.checksums as Record<string, string>,
      blobId: blob.id,
      blobKey: blob.key,
      encryption,
      ...copiedAttributes(ctx, input, source, acl),
    });
    return { object, source };
  });
}

/** S3's limits on a copy source: 5 GiB at most, and no copy onto itself that changes nothing. */
function assertCopyable(ctx: StorageContext, input: CopyObjectInput, source: ObjectRecord): void {
  if (source.size > ctx.limits.maxObjectSize) throw copySourceTooLarge(ctx.limits.maxObjectSize);
  if (source.bucketId === input.bucket.id && source.key === input.key && source.isLatest && !input.metadata && !input.changesAttributes) {
    throw new GatewayError(
      'InvalidRequest',
      "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
    );
  }
}

/** What a copy takes from the request rather than from the stored bytes: key, metadata, tags, owner and ACL. */
function copiedAttributes(ctx: StorageContext, input: CopyObjectInput, source: ObjectRecord, acl: AclGrant[] | undefined) {
  const metadata = typeof input.metadata === 'function' ? input.metadata(source) : (input.metadata ?? source);
  if (typeof input.metadata === 'function') assertUserMetadataSize(metadata.userMeta, ctx.limits.maxUserMetadataBytes);
  return {
    deleteAt: input.deleteAt,
    key: input.key,
    contentType: metadata.contentType,
    userMeta: metadata.userMeta,
    headers: metadata.headers,
    tags: input.tags ?? source.tags,
    ownerUserId: input.ownerUserId,
    acl,
  };
}

/**
 * The source's bytes as a copy shares them. An SLO's are its part rows (the segments' blobs); a
 * DLO's are its current segments, materialised as parts with their rows share-locked, the record
 * then carrying their size and ETag and, as its encryption, AES256 only if every blob is
 * encrypted (so a copy that must be encrypted never shares a plaintext segment).
 */
async function storedBytesOf(trx: Queryable, copySource: CopySource, found: ObjectRecord): Promise<{ source: ObjectRecord; parts: ObjectPartRecord[] }> {
  if (found.largeObject?.kind !== 'dlo') return { source: found, parts: found.blobId ? [] : await repositories(trx).objects.parts(found.id) };
  const dlo = await resolveDloSegments(trx, copySource.bucket.accountId, found.largeObject, { mayRead: copySource.mayReadSegments, decidedBucketId: copySource.bucket.id, shareLock: true });
  const encrypted = dlo.parts.length > 0 ? dlo.parts.every((p) => p.blobKey) : found.encryption !== undefined;
  const source: ObjectRecord = {
    ...found,
    blobId: undefined,
    blobKey: undefined,
    size: dlo.size,
    etag: dlo.etag,
    checksums: {},
    partCount: dlo.parts.length,
    encryption: encrypted ? 'AES256' : undefined,
  };
  return { source, parts: dlo.parts };
}

async function lockBuckets(trx: Queryable, buckets: BucketRecord[]): Promise<void> {
  const byId = [...new Map(buckets.map((b) => [b.id, b])).values()].sort((a, b) => a.id - b.id);
  for (const bucket of byId) {
    if (!(await repositories(trx).buckets.lockById(bucket.id))) throw new GatewayError('NoSuchBucket', undefined, { BucketName: bucket.name });
  }
}

async function findSource(trx: Queryable, source: CopySource): Promise<ObjectRecord> {
  let found: ObjectRecord;
  try {
    found = await resolveVersion(trx, source.bucket, source.key, source.versionId);
  } catch (error) {
    throw copyError(error, source.conditions ?? {});
  }
  checkCopyConditions(found, source.conditions);
  return found;
}
