import { BucketRecord, ObjectRecord, repositories, withTransaction } from '@gw/metadata';
import { GatewayError } from '../errors';
import type { DloManifest } from '../large-objects/dlo-manifest';
import type { StorageContext } from '../storage-context';
import { resolveVersion } from './resolve-version';
import { assertUserMetadataSize } from './user-metadata';

export interface UpdateObjectMetadataInput {
  bucket: BucketRecord;
  key: string;
  /** The whole new user metadata (it replaces the old). */
  userMeta: Record<string, string>;
  /** The new content type; the stored one stays when absent. */
  contentType?: string;
  /** Swift X-Delete-At: a new expiry, null to remove it; the stored one stays when absent. */
  deleteAt?: Date | null;
  /**
   * Swift X-Object-Manifest on POST: the object becomes (or stays) a DLO manifest over this
   * container/prefix. An SLO stays an SLO (Swift's slo middleware answers it before dlo's).
   */
  dloManifest?: DloManifest;
}

/**
 * Swift POST object: replaces the latest version's user metadata in place (no new version, the
 * bytes untouched). Under the bucket lock, so the version resolved is the one changed.
 */
export async function updateObjectMetadata(ctx: StorageContext, input: UpdateObjectMetadataInput): Promise<ObjectRecord> {
  assertUserMetadataSize(input.userMeta, ctx.limits.maxUserMetadataBytes);
  return withTransaction(ctx.db.knex, async (trx) => {
    const repos = repositories(trx);
    if (!(await repos.buckets.lockById(input.bucket.id))) throw new GatewayError('NoSuchBucket', undefined, { BucketName: input.bucket.name });
    const version = await resolveVersion(trx, input.bucket, input.key, undefined);
    const largeObject = input.dloManifest && version.largeObject?.kind !== 'slo' ? { kind: 'dlo' as const, ...input.dloManifest } : undefined;
    const updated = await repos.objects.setUserMeta(version.id, input.userMeta, input.contentType ?? version.contentType, input.deleteAt, largeObject);
    if (!updated) throw new GatewayError('NoSuchKey', undefined, { Key: input.key });
    return updated;
  });
}
