import { cannedGrants, isCannedAcl } from './canned-acl';

const OWNER = 'o'.repeat(32);
const BUCKET_OWNER = 'b'.repeat(32);
const owner = { grantee: { type: 'user', id: OWNER }, permission: 'FULL_CONTROL' };
const allUsers = (permission: string) => ({ grantee: { type: 'group', group: 'AllUsers' }, permission });

describe('canned ACLs', () => {
  it('expand as AWS documents them, the owner keeping FULL_CONTROL', () => {
    const owners = { owner: OWNER, bucketOwner: BUCKET_OWNER };
    expect(cannedGrants('private', owners)).toEqual([owner]);
    expect(cannedGrants('public-read', owners)).toEqual([owner, allUsers('READ')]);
    expect(cannedGrants('public-read-write', owners)).toEqual([owner, allUsers('READ'), allUsers('WRITE')]);
    expect(cannedGrants('authenticated-read', owners)).toEqual([
      owner,
      { grantee: { type: 'group', group: 'AuthenticatedUsers' }, permission: 'READ' },
    ]);
    expect(cannedGrants('bucket-owner-read', owners)).toEqual([owner, { grantee: { type: 'user', id: BUCKET_OWNER }, permission: 'READ' }]);
    expect(cannedGrants('bucket-owner-full-control', owners)).toEqual([
      owner,
      { grantee: { type: 'user', id: BUCKET_OWNER }, permission: 'FULL_CONTROL' },
    ]);
  });

  it('bucket-owner-* add nothing when the owner is the bucket owner (on a bucket, or for the bucket owner\'s own object)', () => {
    const same = { owner: OWNER, bucketOwner: OWNER };
    expect(cannedGrants('bucket-owner-read', same)).toEqual([owner]);
    expect(cannedGrants('bucket-owner-full-control', same)).toEqual([owner]);
  });

  it('without an owner (its user was deleted) grant only what the canned name adds', () => {
    expect(cannedGrants('private', {})).toEqual([]);
    expect(cannedGrants('public-read', {})).toEqual([allUsers('READ')]);
  });

  it('knows exactly its names', () => {
    expect(isCannedAcl('public-read')).toBe(true);
    expect(isCannedAcl('log-delivery-write')).toBe(false);
    expect(isCannedAcl('Public-Read')).toBe(false);
  });
});
