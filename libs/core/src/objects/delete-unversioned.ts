import { BucketRecord, Queryable, RemovedObject, repositories } from '@gw/metadata';
import type { DeleteResult } from './delete-object';

// Set-based deletes for unversioned buckets, where a delete just drops the key's 'null' row: one
// statement removes a batch of rows, their part rows and queues their blobs for the collector,
// and the usage counters move once, instead of some three queries per key. Both run in the
// caller's transaction, which holds the bucket row locked and has seen it Unversioned (versioned
// and suspended buckets keep the per-key path: they get delete markers).
//
// API:
// - deleteUnversionedKeys(trx, bucket, keys): DeleteObjects' results for plain keys, in order.
// - deleteUnversionedRange(trx, bucket, range): the next `limit` keys under a prefix after a key.

/**
 * Deletes the named keys. A key named twice is deleted once: its first mention reports
 * `existed`, the later ones not, as a delete per key in one transaction would.
 */
export async function deleteUnversionedKeys(trx: Queryable, bucket: BucketRecord, keys: string[]): Promise<DeleteResult[]> {
  const removed = await repositories(trx).objects.deleteNullVersions(bucket.id, [...new Set(keys)]);
  await releaseUsage(trx, bucket, removed);
  const unreported = new Set(removed.map((r) => r.key));
  return keys.map((key) => ({ key, existed: unreported.delete(key), deleteMarker: false }));
}

export interface UnversionedRange {
  prefix: string;
  /** Resume strictly after this key. */
  after?: string;
  limit: number;
}

/**
 * Deletes the first `limit` keys under `prefix` after `after`, in key order, expired ones
 * included (they are already gone for readers). Returns the rows removed, in key order.
 */
export async function deleteUnversionedRange(trx: Queryable, bucket: BucketRecord, range: UnversionedRange): Promise<RemovedObject[]> {
  const removed = await repositories(trx).objects.deleteNullVersionRange(bucket.id, { prefix: range.prefix, from: range.after, limit: range.limit });
  await releaseUsage(trx, bucket, removed);
  return removed;
}

async function releaseUsage(trx: Queryable, bucket: BucketRecord, removed: RemovedObject[]): Promise<void> {
  const counted = removed.filter((r) => !r.isDeleteMarker);
  const bytes = counted.reduce((sum, r) => sum + r.size, 0);
  await repositories(trx).buckets.adjustUsage(bucket.id, -counted.length, -bytes);
}
