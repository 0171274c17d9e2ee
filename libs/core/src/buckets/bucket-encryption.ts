import { BucketRecord, repositories, ServerSideEncryption, withTransaction } from '@gw/metadata';
import { GatewayError } from '../errors';
import type { StorageContext } from '../storage-context';

/** GetBucketEncryption: the bucket's default encryption, or ServerSideEncryptionConfigurationNotFoundError. */
export function bucketEncryptionOf(bucket: BucketRecord): ServerSideEncryption {
  if (!bucket.encryption) throw new GatewayError('ServerSideEncryptionConfigurationNotFoundError', undefined, { BucketName: bucket.name });
  return bucket.encryption;
}

/**
 * PutBucketEncryption: from now on, objects written into the bucket without an encryption of
 * their own are encrypted at rest. The KakaoCloud specification allows it only on an empty
 * bucket (no object version, delete marker or upload in progress), so that a bucket said to be
 * encrypted holds nothing in clear. A non-empty bucket is refused with InvalidBucketState, S3's
 * error for a request that "is not valid with the current state of the bucket" (BucketNotEmpty
 * is DeleteBucket's error, and clients read it as such). Asking again for the encryption a
 * bucket already has changes nothing and is accepted whatever the bucket holds.
 */
export async function setBucketEncryption(ctx: StorageContext, target: BucketRecord, encryption: ServerSideEncryption): Promise<BucketRecord> {
  return withTransaction(ctx.db.knex, async (trx) => {
    const repos = repositories(trx);
    // Writers take the same lock: no object slips in between the check and the change.
    const bucket = await repos.buckets.lockById(target.id);
    if (!bucket) throw new GatewayError('NoSuchBucket', undefined, { BucketName: target.name });
    if (bucket.encryption === encryption) return bucket;
    if (await repos.buckets.hasContent(bucket.id)) {
      throw new GatewayError('InvalidBucketState', 'Default encryption can only be set on an empty bucket.', { BucketName: bucket.name });
    }
    return (await repos.buckets.setEncryption(bucket.id, encryption))!;
  });
}

/**
 * DeleteBucketEncryption: objects written from now on are stored in clear; those already
 * encrypted stay encrypted (their rows keep their keys). Removing none is not an error, as in S3.
 */
export async function removeBucketEncryption(ctx: StorageContext, bucket: BucketRecord): Promise<BucketRecord> {
  const updated = await repositories(ctx.db.knex).buckets.setEncryption(bucket.id, undefined);
  if (!updated) throw new GatewayError('NoSuchBucket', undefined, { BucketName: bucket.name });
  return updated;
}
