import type { Readable } from 'node:stream';
import type { BlobWriteResult, ChecksumAlgorithm } from '@gw/blob';
import { AclGrant, BucketRecord, LargeObjectManifest, NewObject, ObjectRecord, Queryable, repositories, ServerSideEncryption, withTransaction } from '@gw/metadata';
import type { AclInput } from '../acl/acl';
import { objectOwnerOf } from '../acl/canned-acl';
import { resolveAcl } from '../acl/resolve-acl';
import { translateBlobError } from '../blob-errors';
import { storeBlob, WrittenBlob } from '../blob-io';
import { GatewayError } from '../errors';
import type { StorageContext } from '../storage-context';
import { assertValidObjectKey } from './object-key';
import { assertValidTagSet } from './tag-set';
import { assertUserMetadataSize } from './user-metadata';
import { versionIdFor } from './version-id';

export interface PutObjectInput {
  bucket: BucketRecord;
  key: string;
  body: Readable;
  /** The body's exact length when the client announced it; any other length is IncompleteBody. */
  size?: number;
  contentType?: string;
  userMeta?: Record<string, string>;
  /** System headers kept with the object (content-encoding, content-disposition, cache-control, ...). */
  headers?: Record<string, string>;
  tags?: Record<string, string>;
  ownerUserId?: string;
  /** The ACL asked at creation; private when absent. */
  acl?: AclInput;
  integrity?: IntegrityExpectations;
  /** Encrypt this object at rest (S3: x-amz-server-side-encryption), whatever its bucket's default. */
  encryption?: ServerSideEncryption;
  /** A Swift DLO manifest (X-Object-Manifest): reads resolve its segments instead of its own bytes. */
  largeObject?: LargeObjectManifest;
  /** Swift X-Delete-At: the object reads as gone from then on, and the worker removes it. */
  deleteAt?: Date;
}

export interface IntegrityExpectations {
  /** Hex MD5 the client sent (Content-MD5, decoded). */
  md5?: string;
  /** Checksums to compute and store with the object. */
  checksums?: readonly ChecksumAlgorithm[];
  /** Expected checksum values (base64); read after the body, so trailer values work too. */
  expectedChecksums?: () => Partial<Record<ChecksumAlgorithm, string>>;
}

/**
 * PutObject: stream the body into a new durable blob, verify it, then commit one metadata
 * transaction (new row, the replaced version's blobs queued for collection, usage counters).
 * A failure before the commit deletes the new blob, so no half-written object ever appears.
 */
export async function putObject(ctx: StorageContext, input: PutObjectInput): Promise<ObjectRecord> {
  assertValidObjectKey(input.key);
  assertUserMetadataSize(input.userMeta ?? {}, ctx.limits.maxUserMetadataBytes);
  if (input.tags) assertValidTagSet(input.tags);
  if (input.size !== undefined && input.size > ctx.limits.maxObjectSize) throw new GatewayError('EntityTooLarge');

  const owners = { owner: objectOwnerOf(input.bucket, input.ownerUserId), bucketOwner: input.bucket.ownerUserId };
  const acl = input.acl && (await resolveAcl(ctx.db.knex, input.acl, owners));
  // Asked for, or else the bucket's default (S3's default encryption).
  const encryption = input.encryption ?? input.bucket.encryption;
  const blob = await writeVerifiedBlob(ctx, { ...input, encryption });
  return commitWithBlob(ctx, blob, (trx) => commitObject(trx, { ...input, encryption }, blob, acl));
}

/**
 * What a new blob is written from: the body, its announced size, what to verify, where it goes,
 * and whether it is encrypted at rest.
 */
export type BlobSource = Pick<PutObjectInput, 'bucket' | 'body' | 'size' | 'integrity' | 'encryption'>;

/**
 * Streams a body into a new durable blob and verifies it against what the client announced.
 * PutObject, UploadPart and UploadPartCopy all write through here; on failure nothing is kept.
 */
export async function writeVerifiedBlob(ctx: StorageContext, input: BlobSource): Promise<WrittenBlob> {
  const blob = await writeBlob(ctx, input);
  try {
    verifyIntegrity(blob, input.integrity);
  } catch (error) {
    await ctx.blobs.delete(blob.id);
    throw error;
  }
  return blob;
}

async function writeBlob(ctx: StorageContext, input: BlobSource): Promise<WrittenBlob> {
  try {
    const options = { checksums: input.integrity?.checksums, expectedSize: input.size, maxSize: ctx.limits.maxObjectSize };
    return await storeBlob(ctx, input.body, options, input.encryption);
  } catch (error) {
    throw translateBlobError(error);
  }
}

/**
 * Runs the metadata transaction that makes `blob` referenced. If it fails, the blob is removed:
 * at once when the transaction surely rolled back, or through the collector (which re-checks
 * references) when the failure came from COMMIT itself and the outcome is unknown.
 */
export async function commitWithBlob<T>(ctx: StorageContext, blob: BlobWriteResult, work: (trx: Queryable) => Promise<T>): Promise<T> {
  let workDone = false;
  try {
    return await withTransaction(ctx.db.knex, async (trx) => {
      const result = await work(trx);
      workDone = true;
      return result;
    });
  } catch (error) {
    if (!workDone) await ctx.blobs.delete(blob.id);
    else await repositories(ctx.db.knex).blobs.enqueueGarbage([blob.id]).catch(() => undefined); // else the sweeper finds it
    throw error;
  }
}

function verifyIntegrity(blob: BlobWriteResult, integrity: IntegrityExpectations | undefined): void {
  if (!integrity) return;
  if (integrity.md5 !== undefined && integrity.md5 !== blob.md5) {
    throw new GatewayError('BadDigest', 'The Content-MD5 you specified did not match what we received.');
  }
  const expected = integrity.expectedChecksums?.() ?? {};
  for (const [algorithm, value] of Object.entries(expected) as [ChecksumAlgorithm, string][]) {
    if (value !== undefined && blob.checksums[algorithm] !== value) {
      throw new GatewayError('BadDigest', `The ${algorithm.toUpperCase()} you specified did not match the calculated checksum.`);
    }
  }
}

async function commitObject(trx: Queryable, input: PutObjectInput, blob: WrittenBlob, acl: AclGrant[] | undefined): Promise<ObjectRecord> {
  return insertObjectVersion(trx, input.bucket, {
    key: input.key,
    size: blob.size,
    etag: blob.md5,
    contentType: input.contentType,
    userMeta: input.userMeta ?? {},
    headers: input.headers ?? {},
    checksums: blob.checksums as Record<string, string>,
    tags: input.tags ?? {},
    blobId: blob.id,
    blobKey: blob.key,
    encryption: input.encryption,
    ownerUserId: input.ownerUserId,
    acl,
    ...(input.largeObject ? { largeObject: input.largeObject } : {}),
    deleteAt: input.deleteAt,
  });
}

/** An object version as its writer describes it; the bucket's versioning state decides its id. */
export type ObjectVersionFields = Omit<NewObject, 'bucketId' | 'versionId' | 'isDeleteMarker'>;

/**
 * Inserts a new latest version of a key (PutObject, CompleteMultipartUpload): the replaced
 * version is released, the usage counters follow, all in the caller's transaction.
 */
export async function insertObjectVersion(trx: Queryable, target: BucketRecord, fields: ObjectVersionFields): Promise<ObjectRecord> {
  const repos = repositories(trx);
  // The bucket row lock serialises writers of a bucket: counters and "latest" stay consistent.
  const bucket = await repos.buckets.lockById(target.id);
  if (!bucket) throw new GatewayError('NoSuchBucket', undefined, { BucketName: target.name });
  // Default encryption was set (on the then empty bucket) after this writer read the bucket: a
  // plaintext object must not land in it. The writer retries, and then encrypts.
  if (bucket.encryption && !fields.encryption) throw new GatewayError('OperationAborted');

  const versionId = versionIdFor(bucket);
  const released = await releaseVersionSlot(trx, bucket, fields.key, versionId);
  // An anonymous writer's object belongs to the bucket's owner.
  const ownerUserId = objectOwnerOf(bucket, fields.ownerUserId);
  const record = await repos.objects.insertLatest({ ...fields, ownerUserId, bucketId: bucket.id, versionId, isDeleteMarker: false });
  await repos.buckets.adjustUsage(bucket.id, 1 - released.objects, fields.size - released.bytes);
  return record;
}

/**
 * Makes room for a new latest version of `key`: the current latest stops being latest, and a
 * version with the same id (the 'null' version of unversioned and suspended buckets) is removed,
 * its blobs queued for collection. Returns what the removal takes off the usage counters.
 */
export async function releaseVersionSlot(
  trx: Queryable,
  bucket: BucketRecord,
  key: string,
  versionId: string,
): Promise<{ objects: number; bytes: number }> {
  const repos = repositories(trx);
  const { latest, version: replaced } = await repos.objects.findLatestAndVersion(bucket.id, key, versionId);
  if (latest && latest.id !== replaced?.id) await repos.objects.clearLatest(latest.id);
  if (!replaced) return { objects: 0, bytes: 0 };
  await repos.blobs.enqueueGarbage(await repos.objects.blobIdsOf(replaced));
  await repos.objects.deleteById(replaced.id);
  return replaced.isDeleteMarker ? { objects: 0, bytes: 0 } : { objects: 1, bytes: replaced.size };
}
