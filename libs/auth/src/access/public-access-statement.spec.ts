import type { AclGrant, BucketRecord, PublicAccess } from '@gw/core';
import { ANONYMOUS, UserPrincipal } from '../principal';
import type { Action } from './actions';
import { decide } from './decide';
import { verifiedScope } from './signed-scope';

const HOME = 'a'.repeat(32);
const PUBLIC_READ: AclGrant[] = [{ grantee: { type: 'group', group: 'AllUsers' }, permission: 'READ' }];
const bucket = (publicAccess?: PublicAccess, acl?: AclGrant[]): BucketRecord => ({ id: 1, accountId: HOME, name: 'b', acl, publicAccess }) as BucketRecord;
const anonymous = (b: BucketRecord, action: Action, sourceIp?: string): boolean =>
  decide({ principal: ANONYMOUS, action, resource: { accountId: HOME, bucket: b, key: 'k' }, context: { sourceIp } }).effect === 'allow';

describe('public access statement (/v1_ext acl)', () => {
  it('read-only with no list lets anyone read objects, but not list or write them', () => {
    const b = bucket({ public: 'read-only', allowIps: [] });
    expect(anonymous(b, 'storage.objects.get', '203.0.113.9')).toBe(true);
    expect(anonymous(b, 'storage.objects.get')).toBe(true);
    expect(anonymous(b, 'storage.objects.list', '203.0.113.9')).toBe(false);
    expect(anonymous(b, 'storage.objects.create', '203.0.113.9')).toBe(false);
  });

  it('read-only with a list lets only listed addresses and networks in, and refuses the rest even with a public-read ACL', () => {
    const b = bucket({ public: 'read-only', allowIps: ['1.1.1.1', '2.2.2.0/24', '2001:db8::/32'] }, PUBLIC_READ);
    expect(anonymous(b, 'storage.objects.get', '1.1.1.1')).toBe(true);
    expect(anonymous(b, 'storage.objects.get', '2.2.2.77')).toBe(true);
    expect(anonymous(b, 'storage.objects.get', '::ffff:2.2.2.77')).toBe(true);
    expect(anonymous(b, 'storage.objects.get', '2001:db8::5')).toBe(true);
    expect(anonymous(b, 'storage.objects.get', '1.1.1.2')).toBe(false);
    expect(anonymous(b, 'storage.objects.get')).toBe(false);
    // Listing from an allowed address is the ACL's to allow (public-read lists).
    expect(anonymous(b, 'storage.objects.list', '1.1.1.1')).toBe(true);
    expect(anonymous(b, 'storage.objects.list', '9.9.9.9')).toBe(false);
  });

  it('deny refuses every anonymous request whatever the ACL grants; never set leaves the ACL alone', () => {
    expect(anonymous(bucket({ public: 'deny', allowIps: [] }, PUBLIC_READ), 'storage.objects.get', '1.1.1.1')).toBe(false);
    expect(anonymous(bucket(undefined, PUBLIC_READ), 'storage.objects.get', '1.1.1.1')).toBe(true);
    expect(anonymous(bucket(), 'storage.objects.get', '1.1.1.1')).toBe(false);
  });

  it('leaves requests a verified TempURL signature covers to the signature', () => {
    const b = bucket({ public: 'deny', allowIps: [] });
    const signedScope = verifiedScope({ kind: 'tempurl', accountId: HOME, container: 'b', target: { key: 'k' }, actions: new Set<Action>(['storage.objects.get']) });
    const request = { principal: ANONYMOUS, action: 'storage.objects.get' as const, resource: { accountId: HOME, bucket: b, key: 'k' } };
    expect(decide({ ...request, context: { sourceIp: '9.9.9.9', signedScope } }).effect).toBe('allow');
    expect(decide({ ...request, resource: { ...request.resource, key: 'other' }, context: { sourceIp: '9.9.9.9', signedScope } }).effect).toBe('deny');
  });

  it('does not touch signed-in users', () => {
    const reader: UserPrincipal = { kind: 'user', accountId: HOME, accountName: 'a', userId: 'u'.repeat(32), userName: 'u', role: 'reader' };
    const b = bucket({ public: 'deny', allowIps: [] });
    expect(decide({ principal: reader, action: 'storage.objects.get', resource: { accountId: HOME, bucket: b }, context: { sourceIp: '9.9.9.9' } }).effect).toBe('allow');
  });
});
