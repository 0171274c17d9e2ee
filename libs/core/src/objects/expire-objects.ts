/**
 * The worker's half of Swift object expiration (X-Delete-At / X-Delete-After); `isExpired`
 * (object-expiry.ts) is the readers' half.
 *
 * API:
 * - `expireObjects(ctx, { batchSize })`: one bounded batch of the worker: the oldest expired
 *   latest versions (index objects_expiring) deleted through the core delete, so usage counters,
 *   versioning (a delete marker in a versioned bucket) and blob collection are those of any
 *   delete. Returns how many were found and deleted; a full batch means more may be waiting.
 */
import { repositories } from '@gw/metadata';
import type { StorageContext } from '../storage-context';
import { deleteExpiredKeys } from './delete-object';

export interface ExpirationBatch {
  found: number;
  deleted: number;
}

export async function expireObjects(ctx: StorageContext, { batchSize }: { batchSize: number }): Promise<ExpirationBatch> {
  const now = new Date();
  const repos = repositories(ctx.db.knex);
  const expired = await repos.objects.listExpired(now, batchSize);
  const keysByBucket = new Map<number, string[]>();
  for (const row of expired) keysByBucket.set(row.bucketId, [...(keysByBucket.get(row.bucketId) ?? []), row.key]);
  let deleted = 0;
  for (const [bucketId, keys] of keysByBucket) {
    const bucket = await repos.buckets.findById(bucketId);
    if (bucket) deleted += (await deleteExpiredKeys(ctx, bucket, keys, now)).length;
  }
  return { found: expired.length, deleted };
}
