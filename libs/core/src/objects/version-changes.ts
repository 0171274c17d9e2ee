import { BucketRecord, ObjectRecord, Queryable, repositories } from '@gw/metadata';
import { releaseVersionSlot } from './put-object';
import { versionIdFor } from './version-id';

// The two changes a delete makes to the versions of a key in a versioned bucket. Both run in
// the caller's transaction with the bucket row locked, like every writer of the bucket.

/**
 * A delete without a version id in a versioned bucket: a delete marker becomes the latest
 * version. Enabled: a marker with a new id, every version kept. Suspended: the marker is the
 * null version, so it replaces the null version there was (whose blobs go to the collector).
 */
export async function insertDeleteMarker(trx: Queryable, bucket: BucketRecord, key: string, ownerUserId?: string): Promise<ObjectRecord> {
  const repos = repositories(trx);
  const versionId = versionIdFor(bucket);
  const released = await releaseVersionSlot(trx, bucket, key, versionId);
  const marker = await repos.objects.insertLatest({
    bucketId: bucket.id,
    key,
    versionId,
    isDeleteMarker: true,
    size: 0,
    etag: '',
    userMeta: {},
    headers: {},
    checksums: {},
    tags: {},
    ownerUserId,
  });
  await repos.buckets.adjustUsage(bucket.id, -released.objects, -released.bytes);
  return marker;
}

/**
 * A delete naming a version: exactly that version (or delete marker) goes, its blobs to the
 * collector, the usage counters follow. When it was the latest, the newest remaining version
 * becomes the latest: removing a delete marker brings back the version under it.
 * Returns the removed version, or undefined when there was none.
 */
export async function removeVersion(trx: Queryable, bucket: BucketRecord, key: string, versionId: string): Promise<ObjectRecord | undefined> {
  const repos = repositories(trx);
  const version = await repos.objects.findVersion(bucket.id, key, versionId);
  if (!version) return undefined;
  await repos.blobs.enqueueGarbage(await repos.objects.blobIdsOf(version));
  await repos.objects.deleteById(version.id);
  if (!version.isDeleteMarker) await repos.buckets.adjustUsage(bucket.id, -1, -version.size);
  if (version.isLatest) await repos.objects.promoteNewest(bucket.id, key);
  return version;
}
