import type { AclGrant, AclGrantee, AclPermission, BucketRecord } from '@gw/core';
import type { Principal, UserPrincipal } from '../principal';
import { ANONYMOUS } from '../principal';
import { Action, ACTIONS } from './actions';
import { authorize, decide } from './decide';

const HOME = 'a'.repeat(32);
const ELSEWHERE = 'b'.repeat(32);
const OWNER = '1'.repeat(32);
const user = (role: UserPrincipal['role'], accountId = HOME, userId = 'u'.repeat(32)): UserPrincipal => ({
  kind: 'user', accountId, accountName: 'acct', userId, userName: 'u', role,
});
const bucketWith = (acl?: AclGrant[]): BucketRecord => ({ id: 1, accountId: HOME, name: 'b', ownerUserId: OWNER, acl }) as BucketRecord;
const resource = { accountId: HOME, bucket: bucketWith() };
const allowed = (principal: Principal, action: Action, res: Parameters<typeof decide>[0]['resource']): boolean =>
  decide({ principal, action, resource: res }).effect === 'allow';

describe('access decision point', () => {
  describe('account roles', () => {
    it('lets account users work in their own account by role', () => {
      expect(allowed(user('admin'), 'storage.buckets.delete', resource)).toBe(true);
      expect(allowed(user('member'), 'storage.objects.create', resource)).toBe(true);
      expect(allowed(user('member'), 'storage.buckets.setAcl', resource)).toBe(true);
      expect(allowed(user('reader'), 'storage.objects.get', resource)).toBe(true);
      expect(allowed(user('reader'), 'storage.buckets.getAcl', resource)).toBe(true);
      expect(allowed(user('reader'), 'storage.objects.getAcl', resource)).toBe(true);
      expect(allowed(user('reader'), 'storage.objects.create', resource)).toBe(false);
      expect(allowed(user('reader'), 'storage.buckets.create', resource)).toBe(false);
      expect(allowed(user('reader'), 'storage.buckets.setAcl', resource)).toBe(false);
      expect(allowed(user('reader'), 'storage.objects.setAcl', resource)).toBe(false);
    });

    it('denies other accounts and anonymous callers on a private bucket, for every action', () => {
      for (const action of ACTIONS) {
        expect(allowed(user('admin', ELSEWHERE), action, resource)).toBe(false);
        expect(allowed(ANONYMOUS, action, resource)).toBe(false);
      }
      expect(() => authorize({ principal: ANONYMOUS, action: 'storage.objects.get', resource })).toThrow(expect.objectContaining({ code: 'AccessDenied' }));
      expect(decide({ principal: ANONYMOUS, action: 'storage.objects.get', resource })).toEqual({
        effect: 'deny',
        reason: 'no ACL grant lets anonymous callers storage.objects.get',
      });
    });
  });

  // Who each grantee covers: anonymous callers, a user of another account the grant does not
  // name, and the user of another account it names by id.
  const GRANTEE = 'g'.repeat(32);
  const principals = { anonymous: ANONYMOUS, stranger: user('admin', ELSEWHERE), grantee: user('reader', ELSEWHERE, GRANTEE) };
  const grantees: [string, AclGrantee, (keyof typeof principals)[]][] = [
    ['AllUsers', { type: 'group', group: 'AllUsers' }, ['anonymous', 'stranger', 'grantee']],
    ['AuthenticatedUsers', { type: 'group', group: 'AuthenticatedUsers' }, ['stranger', 'grantee']],
    ['user id', { type: 'user', id: GRANTEE }, ['grantee']],
  ];

  const BUCKET_GRANTS: Record<AclPermission, Action[]> = {
    READ: ['storage.objects.list', 'storage.objects.get'],
    WRITE: ['storage.objects.create', 'storage.objects.delete'],
    READ_ACP: ['storage.buckets.getAcl'],
    WRITE_ACP: ['storage.buckets.setAcl'],
    FULL_CONTROL: [
      'storage.objects.list', 'storage.objects.get', 'storage.objects.create', 'storage.objects.delete',
      'storage.buckets.getAcl', 'storage.buckets.setAcl',
    ],
  };
  const OBJECT_GRANTS: Record<AclPermission, Action[]> = {
    READ: ['storage.objects.get'],
    WRITE: [],
    READ_ACP: ['storage.objects.getAcl'],
    WRITE_ACP: ['storage.objects.setAcl'],
    FULL_CONTROL: ['storage.objects.get', 'storage.objects.getAcl', 'storage.objects.setAcl'],
  };

  describe.each(Object.keys(BUCKET_GRANTS) as AclPermission[])('%s', (permission) => {
    it.each(grantees)('in a bucket ACL, to %s, allows exactly its actions to exactly its grantees', (_, grantee, covered) => {
      const res = { accountId: HOME, bucket: bucketWith([{ grantee, permission }]), key: 'k' };
      for (const [kind, principal] of Object.entries(principals)) {
        for (const action of ACTIONS) {
          const expected = covered.includes(kind as keyof typeof principals) && BUCKET_GRANTS[permission].includes(action);
          expect({ kind, action, allowed: allowed(principal, action, res) }).toEqual({ kind, action, allowed: expected });
        }
      }
    });

    it.each(grantees)("in an object's ACL, to %s, allows exactly its actions on that object", (_, grantee, covered) => {
      const res = { accountId: HOME, bucket: bucketWith(), key: 'k', object: { ownerUserId: OWNER, acl: [{ grantee, permission }] } };
      for (const [kind, principal] of Object.entries(principals)) {
        for (const action of ACTIONS) {
          const expected = covered.includes(kind as keyof typeof principals) && OBJECT_GRANTS[permission].includes(action);
          expect({ kind, action, allowed: allowed(principal, action, res) }).toEqual({ kind, action, allowed: expected });
        }
      }
    });
  });

  describe('canned ACLs', () => {
    const canned = (grants: AclGrant[]) => ({ accountId: HOME, bucket: bucketWith(grants), key: 'k' });
    const ownerFull: AclGrant = { grantee: { type: 'user', id: OWNER }, permission: 'FULL_CONTROL' };
    const allUsers = (permission: AclPermission): AclGrant => ({ grantee: { type: 'group', group: 'AllUsers' }, permission });

    it('public-read lets anyone read and list, not write', () => {
      const res = canned([ownerFull, allUsers('READ')]);
      for (const principal of [ANONYMOUS, user('admin', ELSEWHERE)]) {
        expect(allowed(principal, 'storage.objects.get', res)).toBe(true);
        expect(allowed(principal, 'storage.objects.list', res)).toBe(true);
        expect(allowed(principal, 'storage.objects.create', res)).toBe(false);
        expect(allowed(principal, 'storage.objects.delete', res)).toBe(false);
        expect(allowed(principal, 'storage.buckets.delete', res)).toBe(false);
        expect(allowed(principal, 'storage.buckets.get', res)).toBe(false);
      }
    });

    it('public-read-write lets anyone write and delete objects too, never delete the bucket or change its ACL', () => {
      const res = canned([ownerFull, allUsers('READ'), allUsers('WRITE')]);
      expect(allowed(ANONYMOUS, 'storage.objects.create', res)).toBe(true);
      expect(allowed(ANONYMOUS, 'storage.objects.delete', res)).toBe(true);
      expect(allowed(ANONYMOUS, 'storage.buckets.delete', res)).toBe(false);
      expect(allowed(ANONYMOUS, 'storage.buckets.setAcl', res)).toBe(false);
    });

    it('an ACL grant adds to a role: a reader named with WRITE may write in that bucket', () => {
      const reader = user('reader', HOME, GRANTEE);
      expect(allowed(reader, 'storage.objects.create', canned([{ grantee: { type: 'user', id: GRANTEE }, permission: 'WRITE' }]))).toBe(true);
      expect(allowed(reader, 'storage.objects.create', canned([]))).toBe(false);
    });
  });

  describe("an object's default ACL", () => {
    it('gives its owner, from another account, FULL_CONTROL of it; an anonymous writer\'s object belongs to the bucket owner', () => {
      const writer = user('member', ELSEWHERE, GRANTEE);
      const mine = { accountId: HOME, bucket: bucketWith(), key: 'k', object: { ownerUserId: GRANTEE } };
      expect(allowed(writer, 'storage.objects.get', mine)).toBe(true);
      expect(allowed(writer, 'storage.objects.setAcl', mine)).toBe(true);
      expect(allowed(writer, 'storage.objects.delete', mine)).toBe(false);
      const anonymous = { ...mine, object: {} };
      expect(allowed(writer, 'storage.objects.get', anonymous)).toBe(false);
      expect(allowed(user('reader', ELSEWHERE, OWNER), 'storage.objects.get', anonymous)).toBe(true);
    });
  });
});
