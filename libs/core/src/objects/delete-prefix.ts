import { BucketRecord, withTransaction } from '@gw/metadata';
import type { GatewayError } from '../errors';
import type { StorageContext } from '../storage-context';
import { deleteObjects, DeleteOptions, lockBucket } from './delete-object';
import { deleteUnversionedRange } from './delete-unversioned';
import { listObjects } from './list-objects';
import { isExpired } from './object-expiry';
import { assertListingParameter } from './rolled-up-listing';

export interface DeletePrefixResult {
  /** Live objects deleted (in a versioned bucket: delete markers placed over them). */
  deleted: number;
  /** Keys whose delete failed (left in place), with the error. */
  failed: { key: string; error: GatewayError }[];
}

export interface DeletePrefixOptions extends DeleteOptions {
  /** Keys per transaction (1000 by default). */
  batchSize?: number;
  /** Called after each batch with the running totals: lets a dialect keep a long request alive. */
  onProgress?: (result: Readonly<DeletePrefixResult>) => void;
}

/** One batch: what it did, and where the next one resumes (undefined: nothing left). */
interface Batch {
  deleted: number;
  failed: DeletePrefixResult['failed'];
  resumeAfter?: string;
}

/**
 * Deletes every live object whose key starts with `prefix` ('' = the whole bucket): KakaoCloud's
 * `?dir-delete`. Works a batch of keys at a time, in key order, one transaction per batch, so
 * memory and transaction size stay bounded whatever the number of objects. In an unversioned
 * bucket a batch is one set-based delete (expired rows go too, uncounted: readers no longer see
 * them); in a versioned or suspended one each key gets an ordinary delete (a delete marker).
 * Objects written under the prefix while it runs may stay.
 */
export async function deletePrefix(
  ctx: StorageContext,
  bucket: BucketRecord,
  prefix: string,
  options: DeletePrefixOptions = {},
): Promise<DeletePrefixResult> {
  assertListingParameter('prefix', prefix);
  const batchSize = options.batchSize ?? 1000;
  const result: DeletePrefixResult = { deleted: 0, failed: [] };
  let after: string | undefined;
  do {
    const batch = (await deleteUnversionedBatch(ctx, bucket, prefix, after, batchSize)) ?? (await deleteListedBatch(ctx, bucket, prefix, after, batchSize, options));
    result.deleted += batch.deleted;
    result.failed.push(...batch.failed);
    options.onProgress?.(result);
    after = batch.resumeAfter;
  } while (after !== undefined);
  return result;
}

/** The set-based batch; undefined when the bucket (seen under its lock) is not unversioned. */
async function deleteUnversionedBatch(ctx: StorageContext, bucket: BucketRecord, prefix: string, after: string | undefined, limit: number): Promise<Batch | undefined> {
  return withTransaction(ctx.db.knex, async (trx) => {
    const locked = await lockBucket(trx, bucket);
    if (locked.versioning !== 'Unversioned') return undefined;
    const removed = await deleteUnversionedRange(trx, locked, { prefix, after, limit });
    const now = new Date();
    return {
      deleted: removed.filter((r) => !r.isDeleteMarker && !isExpired(r, now)).length,
      failed: [],
      resumeAfter: removed.length < limit ? undefined : removed[removed.length - 1].key,
    };
  });
}

/** The per-key batch: a page of the listing deleted with DeleteObjects (delete markers where versioned). */
async function deleteListedBatch(
  ctx: StorageContext,
  bucket: BucketRecord,
  prefix: string,
  after: string | undefined,
  limit: number,
  options: DeleteOptions,
): Promise<Batch> {
  const page = await listObjects(ctx, { bucket, prefix, after, maxKeys: limit });
  const batch: Batch = { deleted: 0, failed: [] };
  if (page.objects.length === 0) return batch;
  for (const outcome of await deleteObjects(ctx, bucket, page.objects.map((o) => o.key), options)) {
    if ('error' in outcome) batch.failed.push({ key: outcome.key, error: outcome.error });
    else if (outcome.existed) batch.deleted++;
  }
  // Deleted keys leave the listing; resuming after the page also steps over keys that failed.
  if (page.isTruncated) batch.resumeAfter = page.nextAfter;
  return batch;
}
