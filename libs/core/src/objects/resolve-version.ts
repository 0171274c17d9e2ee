import { BucketRecord, ObjectRecord, Queryable, repositories } from '@gw/metadata';
import { GatewayError } from '../errors';
import { DeleteMarkerError } from './delete-marker-error';
import { isExpired } from './object-expiry';
import { assertValidObjectKey } from './object-key';
import { assertValidVersionId } from './version-id';

/**
 * The version a read addresses: the latest one of the key, or the one named by `versionId`.
 * A missing key is NoSuchKey, a missing version NoSuchVersion, a delete marker a DeleteMarkerError.
 */
export async function resolveVersion(q: Queryable, bucket: BucketRecord, key: string, versionId?: string): Promise<ObjectRecord> {
  assertValidObjectKey(key); // a NUL would reach the database as an error, not as a missing key
  if (versionId === undefined) {
    const latest = await repositories(q).objects.findLatest(bucket.id, key);
    // An expired object (Swift X-Delete-At) is gone for readers before the worker removes it.
    if (!latest || isExpired(latest)) throw new GatewayError('NoSuchKey', undefined, { Key: key });
    if (latest.isDeleteMarker) throw new DeleteMarkerError(latest, false);
    return latest;
  }
  assertValidVersionId(versionId);
  const version = await repositories(q).objects.findVersion(bucket.id, key, versionId);
  if (!version) throw new GatewayError('NoSuchVersion', undefined, { Key: key, VersionId: versionId });
  if (version.isDeleteMarker) throw new DeleteMarkerError(version, true);
  return version;
}
