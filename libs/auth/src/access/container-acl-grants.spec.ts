import { BucketRecord, containerAclDocument } from '@gw/core';
import type { Principal, UserPrincipal } from '../principal';
import { ANONYMOUS } from '../principal';
import type { Action } from './actions';
import { referrerAllowed } from './container-acl-grants';
import { decide } from './decide';

const HOME = 'a'.repeat(32);
const OTHER = 'b'.repeat(32);
const other = (userId = 'u'.repeat(32), userName = 'bob', role: UserPrincipal['role'] = 'admin'): UserPrincipal => ({
  kind: 'user', accountId: OTHER, accountName: 'other', userId, userName, role,
});
const bucket = (read?: string, write?: string): BucketRecord =>
  ({ id: 1, accountId: HOME, name: 'b', swiftAcl: containerAclDocument(read, write) }) as BucketRecord;
const allowed = (principal: Principal, action: Action, b: BucketRecord, referer?: string): boolean =>
  decide({ principal, action, resource: { accountId: HOME, bucket: b, key: 'k' }, context: { referer } }).effect === 'allow';

const GET: Action = 'storage.objects.get';
const LIST: Action = 'storage.objects.list';
const HEAD_BUCKET: Action = 'storage.buckets.get';
const PUT: Action = 'storage.objects.create';
const DELETE: Action = 'storage.objects.delete';

describe('decide with Swift container ACLs', () => {
  it.each<[string, string | undefined, string | undefined, Principal, Action, string | undefined, boolean]>([
    ['.r:* lets anonymous read objects', '.r:*', undefined, ANONYMOUS, GET, undefined, true],
    ['.r:* alone does not list', '.r:*', undefined, ANONYMOUS, LIST, undefined, false],
    ['.r:*,.rlistings lists', '.r:*,.rlistings', undefined, ANONYMOUS, LIST, undefined, true],
    ['.r:*,.rlistings heads the container', '.r:*,.rlistings', undefined, ANONYMOUS, HEAD_BUCKET, undefined, true],
    ['.r:* never writes', '.r:*,.rlistings', undefined, ANONYMOUS, PUT, undefined, false],
    ['.r:* never deletes', '.r:*', undefined, ANONYMOUS, DELETE, undefined, false],
    ['.rlistings without a referrer rule does nothing', '.rlistings', undefined, ANONYMOUS, LIST, undefined, false],
    ['referrer host matches', '.r:example.com', undefined, ANONYMOUS, GET, 'https://example.com/page', true],
    ['referrer host differs', '.r:example.com', undefined, ANONYMOUS, GET, 'https://evil.com/page', false],
    ['no Referer header', '.r:example.com', undefined, ANONYMOUS, GET, undefined, false],
    ['referrer domain', '.r:.example.com', undefined, ANONYMOUS, GET, 'http://www.example.com/', true],
    ['negated referrer after .r:*', '.r:*,.r:-evil.com', undefined, ANONYMOUS, GET, 'http://evil.com/', false],
    ['negated referrer lets others in', '.r:*,.r:-evil.com', undefined, ANONYMOUS, GET, 'http://good.com/', true],
    ['account:user read by name', 'other:bob', undefined, other(), GET, undefined, true],
    ['account:user read lists', 'other:bob', undefined, other(), LIST, undefined, true],
    ['account:user read by ids', `${OTHER}:${'u'.repeat(32)}`, undefined, other(), GET, undefined, true],
    ['AUTH_ account id', `AUTH_${OTHER}:*`, undefined, other(), GET, undefined, true],
    ['read grant does not write', 'other:bob', undefined, other(), PUT, undefined, false],
    ['another user of that account', 'other:alice', undefined, other(), GET, undefined, false],
    ['account:* covers every user', 'other:*', undefined, other('x'.repeat(32), 'carol'), GET, undefined, true],
    ['*:user covers that user anywhere', '*:bob', undefined, other(), GET, undefined, true],
    ['bare account', 'other', undefined, other('x'.repeat(32), 'carol'), GET, undefined, true],
    ['user grants never reach anonymous', '*:*', undefined, ANONYMOUS, GET, undefined, false],
    ['write grant creates', undefined, 'other:bob', other(), PUT, undefined, true],
    ['write grant deletes', undefined, 'other:bob', other(), DELETE, undefined, true],
    ['write grant does not read', undefined, 'other:bob', other(), GET, undefined, false],
    ['write grant does not touch the container', undefined, 'other:*', other(), 'storage.buckets.delete', undefined, false],
    ['read grant does not set ACLs', '*:*', undefined, other(), 'storage.buckets.setAcl', undefined, false],
    ['no Swift ACL: private', undefined, undefined, ANONYMOUS, GET, undefined, false],
  ])('%s', (_name, read, write, principal, action, referer, expected) => {
    expect(allowed(principal, action, bucket(read, write), referer)).toBe(expected);
  });
});

describe('referrerAllowed (acl.py referrer_allowed)', () => {
  it.each([
    ['http://a.example.com/x', [{ host: '.example.com', allow: true }], true],
    ['http://example.com/x', [{ host: '.example.com', allow: true }], false],
    ['not a url', [{ host: '*', allow: true }], true],
    ['not a url', [{ host: 'unknown', allow: true }], true],
    ['http://x.bad.com', [{ host: '*', allow: true }, { host: '.bad.com', allow: false }], false],
    ['http://x.bad.com', [{ host: '.bad.com', allow: false }, { host: '*', allow: true }], true],
    ['http://x.com', [], false],
  ])('%s %j -> %s', (referer, rules, expected) => expect(referrerAllowed(referer, rules)).toBe(expected));
});
