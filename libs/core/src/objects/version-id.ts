import { randomBytes } from 'node:crypto';
import type { BucketRecord } from '@gw/metadata';
import { GatewayError } from '../errors';

/** The version id of the one version an unversioned or suspended bucket keeps per key. */
export const NULL_VERSION = 'null';

/** What `newVersionId` generates: 32 URL-safe characters. */
const VERSION_ID = /^[A-Za-z0-9_-]{32}$/;

/**
 * A version id a client names must be one this store could have issued; anything else is
 * InvalidArgument, as S3 answers, before it reaches a query (a NUL would fail there).
 */
export function assertValidVersionId(versionId: string, argumentName = 'versionId'): void {
  if (versionId === '') {
    throw new GatewayError('InvalidArgument', 'Version id cannot be the empty string', { ArgumentName: argumentName, ArgumentValue: '' });
  }
  if (versionId !== NULL_VERSION && !VERSION_ID.test(versionId)) {
    throw new GatewayError('InvalidArgument', 'Invalid version id specified', { ArgumentName: argumentName, ArgumentValue: versionId });
  }
}

/** Version ids of versioned buckets: random, URL-safe, 32 characters. */
export function newVersionId(): string {
  return randomBytes(24).toString('base64url');
}

/** The id of a version written now: a new one while versioning is enabled, else the null version. */
export function versionIdFor(bucket: Pick<BucketRecord, 'versioning'>): string {
  return bucket.versioning === 'Enabled' ? newVersionId() : NULL_VERSION;
}
