import { BucketRecord, Queryable, repositories, withTransaction } from '@gw/metadata';
import { GatewayError } from '../errors';
import type { StorageContext } from '../storage-context';
import { assertValidObjectKey } from './object-key';
import { releaseVersionSlot } from './put-object';

export interface DeleteResult {
  key: string;
  /** False when there was nothing to delete (S3 answers success all the same). */
  existed: boolean;
}

export type DeleteManyResult = DeleteResult | { key: string; error: GatewayError };

/**
 * DeleteObject on an unversioned bucket: the row goes in a transaction, its blobs are queued
 * for the collector in the same transaction, and the usage counters follow.
 */
export async function deleteObject(ctx: StorageContext, bucket: BucketRecord, key: string): Promise<DeleteResult> {
  assertValidObjectKey(key);
  return withTransaction(ctx.db.knex, (trx) => deleteInTransaction(trx, bucket, key));
}

/** DeleteObjects: every key in one transaction; a failing key is reported, the others proceed. */
export async function deleteObjects(ctx: StorageContext, bucket: BucketRecord, keys: string[]): Promise<DeleteManyResult[]> {
  return withTransaction(ctx.db.knex, async (trx) => {
    const results: DeleteManyResult[] = [];
    for (const key of keys) {
      const problem = keyProblem(key);
      results.push(problem ? { key, error: problem } : await deleteInTransaction(trx, bucket, key));
    }
    return results;
  });
}

function keyProblem(key: string): GatewayError | undefined {
  try {
    assertValidObjectKey(key);
    return undefined;
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
}

async function deleteInTransaction(trx: Queryable, bucket: BucketRecord, key: string): Promise<DeleteResult> {
  const repos = repositories(trx);
  const locked = await repos.buckets.lockById(bucket.id);
  if (!locked) throw new GatewayError('NoSuchBucket', undefined, { BucketName: bucket.name });
  const released = await releaseVersionSlot(trx, locked, key, 'null');
  await repos.buckets.adjustUsage(bucket.id, -released.objects, -released.bytes);
  return { key, existed: released.objects > 0 };
}
