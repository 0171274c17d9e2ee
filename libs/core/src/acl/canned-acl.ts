import type { AclGrant, AclPermission, BucketRecord } from '@gw/metadata';

/**
 * The canned ACLs, expanded as AWS documents them ("Canned ACL" in the S3 user guide). The
 * KakaoCloud S3 document lists the first four; the bucket-owner-* pair matters for objects
 * written into another user's bucket and is what AWS clients send for it.
 */
export const CANNED_ACLS = [
  'private',
  'public-read',
  'public-read-write',
  'authenticated-read',
  'bucket-owner-read',
  'bucket-owner-full-control',
] as const;

export type CannedAcl = (typeof CANNED_ACLS)[number];

/** Whose grants a canned ACL names: the resource's owner and the owner of its bucket. */
export interface AclOwners {
  owner?: string;
  bucketOwner?: string;
}

const user = (id: string, permission: AclPermission): AclGrant => ({ grantee: { type: 'user', id }, permission });
const group = (name: 'AllUsers' | 'AuthenticatedUsers', permission: AclPermission): AclGrant => ({ grantee: { type: 'group', group: name }, permission });

const EXTRA_GRANTS: Record<CannedAcl, (owners: AclOwners) => AclGrant[]> = {
  private: () => [],
  'public-read': () => [group('AllUsers', 'READ')],
  'public-read-write': () => [group('AllUsers', 'READ'), group('AllUsers', 'WRITE')],
  'authenticated-read': () => [group('AuthenticatedUsers', 'READ')],
  // On a bucket, or when the writer owns the bucket, these say nothing more than private (AWS ignores them there).
  'bucket-owner-read': ({ owner, bucketOwner }) => (bucketOwner && bucketOwner !== owner ? [user(bucketOwner, 'READ')] : []),
  'bucket-owner-full-control': ({ owner, bucketOwner }) => (bucketOwner && bucketOwner !== owner ? [user(bucketOwner, 'FULL_CONTROL')] : []),
};

/** The grants of a canned ACL: the owner keeps FULL_CONTROL, plus what the canned name adds. */
export function cannedGrants(canned: CannedAcl, owners: AclOwners): AclGrant[] {
  return [...(owners.owner ? [user(owners.owner, 'FULL_CONTROL')] : []), ...EXTRA_GRANTS[canned](owners)];
}

export const isCannedAcl = (value: string): value is CannedAcl => (CANNED_ACLS as readonly string[]).includes(value);

/** Who owns an object: its writer, or the bucket's owner when an anonymous writer made it. */
export const objectOwnerOf = (bucket: Pick<BucketRecord, 'ownerUserId'>, writerUserId: string | undefined): string | undefined =>
  writerUserId ?? bucket.ownerUserId;
