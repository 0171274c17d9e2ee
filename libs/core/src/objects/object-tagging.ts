import { BucketRecord, ObjectRecord, repositories, withTransaction } from '@gw/metadata';
import { GatewayError } from '../errors';
import type { StorageContext } from '../storage-context';
import { resolveVersion } from './resolve-version';
import { assertValidTagSet } from './tag-set';

/** Which object version a tagging call addresses: the latest by default. */
export interface TaggingTarget {
  bucket: BucketRecord;
  key: string;
  versionId?: string;
}

/** GetObjectTagging: the addressed version, whose `tags` are the answer. */
export async function getObjectTags(ctx: StorageContext, target: TaggingTarget): Promise<ObjectRecord> {
  return resolveVersion(ctx.db.knex, target.bucket, target.key, target.versionId);
}

/**
 * PutObjectTagging (and DeleteObjectTagging with no tags): replaces the version's whole tag set.
 * Under the bucket lock, so the version resolved is the one changed, even while writers race.
 */
export async function setObjectTags(ctx: StorageContext, target: TaggingTarget, tags: Record<string, string>): Promise<ObjectRecord> {
  assertValidTagSet(tags);
  return withTransaction(ctx.db.knex, async (trx) => {
    const repos = repositories(trx);
    if (!(await repos.buckets.lockById(target.bucket.id))) throw new GatewayError('NoSuchBucket', undefined, { BucketName: target.bucket.name });
    const version = await resolveVersion(trx, target.bucket, target.key, target.versionId);
    const updated = await repos.objects.setTags(version.id, tags);
    if (!updated) throw new GatewayError('NoSuchKey', undefined, { Key: target.key });
    return updated;
  });
}
