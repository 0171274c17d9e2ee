import { BucketRecord, repositories } from '@gw/metadata';
import { GatewayError } from '../errors';
import type { StorageContext } from '../storage-context';

/** What PutBucketVersioning can ask: once versioned, a bucket is never unversioned again. */
export type VersioningStatus = 'Enabled' | 'Suspended';

/**
 * PutBucketVersioning. Writers read the state under the bucket row lock, so each write sees the
 * state before or after this change, never a mix; versions already written stay as they are.
 */
export async function setBucketVersioning(ctx: StorageContext, bucket: BucketRecord, status: VersioningStatus): Promise<BucketRecord> {
  const updated = await repositories(ctx.db.knex).buckets.setVersioning(bucket.id, status);
  if (!updated) throw new GatewayError('NoSuchBucket', undefined, { BucketName: bucket.name });
  return updated;
}
