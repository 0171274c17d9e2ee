import { BucketRecord, Queryable, repositories, withTransaction } from '@gw/metadata';
import { GatewayError } from '../errors';
import type { StorageContext } from '../storage-context';
import { isExpired } from './object-expiry';
import { assertValidObjectKey } from './object-key';
import { deleteUnversionedKeys } from './delete-unversioned';
import { releaseVersionSlot } from './put-object';
import { insertDeleteMarker, removeVersion } from './version-changes';
import { assertValidVersionId, NULL_VERSION } from './version-id';

/** What a delete names: a key (its latest version), or one version of it. */
export interface DeleteTarget {
  key: string;
  versionId?: string;
}

export interface DeleteResult {
  key: string;
  /** The version id the request named, if any. */
  requestedVersionId?: string;
  /** False when there was nothing to delete (S3 answers success all the same). */
  existed: boolean;
  /** True when the delete created a delete marker, or removed one by its version id. */
  deleteMarker: boolean;
  /** The id of the marker created or of the version removed; absent for an unversioned delete. */
  versionId?: string;
}

export type DeleteManyResult = DeleteResult | { key: string; requestedVersionId?: string; error: GatewayError };

export interface DeleteOptions {
  /** Who deletes: the owner of a delete marker the delete creates. */
  ownerUserId?: string;
}

/**
 * DeleteObject. Without a version id: an unversioned bucket drops the key's row; a versioned one
 * gets a delete marker as the key's latest version. With one: exactly that version goes. Rows go
 * in one transaction with their blobs queued for the collector and the usage counters adjusted.
 */
export async function deleteObject(
  ctx: StorageContext,
  bucket: BucketRecord,
  target: string | DeleteTarget,
  options: DeleteOptions = {},
): Promise<DeleteResult> {
  const wanted = typeof target === 'string' ? { key: target } : target;
  checkTarget(wanted);
  return withTransaction(ctx.db.knex, async (trx) => deleteInTransaction(trx, await lockBucket(trx, bucket), wanted, options));
}

/**
 * DeleteObjects: every target in one transaction; a failing target is reported, the others
 * proceed. Plain keys of an unversioned bucket go in one statement (delete-unversioned.ts).
 */
export async function deleteObjects(
  ctx: StorageContext,
  bucket: BucketRecord,
  targets: (string | DeleteTarget)[],
  options: DeleteOptions = {},
): Promise<DeleteManyResult[]> {
  return withTransaction(ctx.db.knex, async (trx) => {
    const locked = await lockBucket(trx, bucket);
    const wanted = targets.map((target) => (typeof target === 'string' ? { key: target } : target));
    const problems = wanted.map(targetProblem);
    if (locked.versioning === 'Unversioned' && wanted.every((w) => w.versionId === undefined)) {
      const valid = wanted.filter((_, i) => !problems[i]).map((w) => w.key);
      const deleted = await deleteUnversionedKeys(trx, locked, valid);
      let next = 0;
      return wanted.map((w, i): DeleteManyResult => {
        const problem = problems[i];
        return problem ? { key: w.key, error: problem } : deleted[next++];
      });
    }
    const results: DeleteManyResult[] = [];
    for (const [i, target] of wanted.entries()) {
      const problem = problems[i];
      results.push(
        problem
          ? { key: target.key, requestedVersionId: target.versionId, error: problem }
          : await deleteInTransaction(trx, locked, target, options),
      );
    }
    return results;
  });
}

/**
 * Deletes the keys whose latest version is still expired at `now`, as DeleteObject would, in one
 * transaction. Re-checked under the bucket lock: a key overwritten since it was found expired
 * keeps its new version. Returns the keys deleted.
 */
export async function deleteExpiredKeys(ctx: StorageContext, bucket: BucketRecord, keys: string[], now: Date): Promise<string[]> {
  return withTransaction(ctx.db.knex, async (trx) => {
    const locked = await lockBucket(trx, bucket);
    const deleted: string[] = [];
    for (const key of keys) {
      const latest = await repositories(trx).objects.findLatest(locked.id, key);
      if (!latest || latest.isDeleteMarker || !isExpired(latest, now)) continue;
      await deleteInTransaction(trx, locked, { key }, {});
      deleted.push(key);
    }
    return deleted;
  });
}

function checkTarget(target: DeleteTarget): void {
  assertValidObjectKey(target.key);
  if (target.versionId !== undefined) assertValidVersionId(target.versionId);
}

function targetProblem(target: DeleteTarget): GatewayError | undefined {
  try {
    checkTarget(target);
    return undefined;
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
}

/** The bucket row, locked: it serialises the writers of a bucket and carries its versioning state. */
export async function lockBucket(trx: Queryable, bucket: BucketRecord): Promise<BucketRecord> {
  const locked = await repositories(trx).buckets.lockById(bucket.id);
  if (!locked) throw new GatewayError('NoSuchBucket', undefined, { BucketName: bucket.name });
  return locked;
}

async function deleteInTransaction(trx: Queryable, bucket: BucketRecord, target: DeleteTarget, options: DeleteOptions): Promise<DeleteResult> {
  const { key, versionId } = target;
  if (versionId !== undefined) {
    const removed = await removeVersion(trx, bucket, key, versionId);
    return { key, requestedVersionId: versionId, existed: removed !== undefined, deleteMarker: removed?.isDeleteMarker ?? false, versionId };
  }
  if (bucket.versioning === 'Unversioned') {
    const released = await releaseVersionSlot(trx, bucket, key, NULL_VERSION);
    await repositories(trx).buckets.adjustUsage(bucket.id, -released.objects, -released.bytes);
    return { key, existed: released.objects > 0, deleteMarker: false };
  }
  const latest = await repositories(trx).objects.findLatest(bucket.id, key);
  const marker = await insertDeleteMarker(trx, bucket, key, options.ownerUserId);
  return { key, existed: latest !== undefined && !latest.isDeleteMarker, deleteMarker: true, versionId: marker.versionId };
}
