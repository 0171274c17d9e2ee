import { createHmac } from 'node:crypto';
import type { BucketRecord } from '@gw/core';
import { ANONYMOUS } from '../principal';
import { tempUrlScope, verifyFormPost } from '../tempurl';
import { decide } from './decide';
import type { SignedScope } from './signed-scope';

const ACCOUNT = 'a'.repeat(32);
const bucket = { id: 1, accountId: ACCOUNT, name: 'c', ownerUserId: undefined, meta: {} } as unknown as BucketRecord;
const NOW = 1_700_000_000;
const KEY = 'secret';
const sign = (method: string, path: string, expires = NOW + 60) => createHmac('sha256', KEY).update(`${method}\n${expires}\n${path}`).digest('hex');
const scopeFor = (method: string, path: string, key: string, extra: { prefix?: string } = {}) =>
  tempUrlScope({ keys: [KEY], method, path, sig: sign(method, extra.prefix === undefined ? path : `prefix:/v1/AUTH_x/c/${extra.prefix}`), expires: String(NOW + 60), accountId: ACCOUNT, container: 'c', key, now: NOW, ...extra });
const allows = (action: Parameters<typeof decide>[0]['action'], key: string | undefined, signedScope: SignedScope | undefined, resourceBucket = bucket) =>
  decide({ principal: ANONYMOUS, action, resource: { accountId: ACCOUNT, bucket: resourceBucket, key }, context: { signedScope } }).effect === 'allow';

describe('signed scopes at the decision point', () => {
  it('a verified temp URL scope allows its action on its object, nothing else', () => {
    const scope = scopeFor('GET', '/v1/AUTH_x/c/o', 'o');
    expect(scope).toBeDefined();
    expect(allows('storage.objects.get', 'o', scope)).toBe(true);
    expect(allows('storage.objects.get', 'other', scope)).toBe(false);
    expect(allows('storage.objects.create', 'o', scope)).toBe(false);
    expect(allows('storage.objects.delete', 'o', scope)).toBe(false);
    expect(allows('storage.objects.list', undefined, scope)).toBe(false);
    expect(allows('storage.objects.get', 'o', scope, { ...bucket, name: 'd' } as BucketRecord)).toBe(false);
    expect(decide({ principal: ANONYMOUS, action: 'storage.objects.get', resource: { accountId: 'b'.repeat(32), bucket, key: 'o' }, context: { signedScope: scope } }).effect).toBe('deny');
  });

  it('maps methods to actions: HEAD reads, PUT and POST create, DELETE deletes; others get no scope', () => {
    expect(allows('storage.objects.get', 'o', scopeFor('HEAD', '/v1/AUTH_x/c/o', 'o'))).toBe(true);
    expect(allows('storage.objects.create', 'o', scopeFor('PUT', '/v1/AUTH_x/c/o', 'o'))).toBe(true);
    expect(allows('storage.objects.delete', 'o', scopeFor('DELETE', '/v1/AUTH_x/c/o', 'o'))).toBe(true);
    expect(scopeFor('COPY', '/v1/AUTH_x/c/o', 'o')).toBeUndefined();
  });

  it('a prefix scope covers the keys under its prefix', () => {
    const scope = scopeFor('GET', '/v1/AUTH_x/c/p/a.txt', 'p/a.txt', { prefix: 'p/' });
    expect(allows('storage.objects.get', 'p/a.txt', scope)).toBe(true);
    expect(allows('storage.objects.get', 'p/deeper/b', scope)).toBe(true);
    expect(allows('storage.objects.get', 'q/a.txt', scope)).toBe(false);
  });

  it('a bad signature yields no scope, and a hand-made scope is not honoured', () => {
    expect(tempUrlScope({ keys: [KEY], method: 'GET', path: '/v1/AUTH_x/c/o', sig: sign('GET', '/v1/AUTH_x/c/other'), expires: String(NOW + 60), accountId: ACCOUNT, container: 'c', key: 'o', now: NOW })).toBeUndefined();
    const forged: SignedScope = { kind: 'tempurl', accountId: ACCOUNT, container: 'c', target: { key: 'o' }, actions: new Set(['storage.objects.get']) };
    expect(allows('storage.objects.get', 'o', forged)).toBe(false);
  });

  it('a verified FormPost scope allows creating objects under its prefix only', () => {
    const fields = { redirect: '', max_file_size: '100', max_file_count: '2', expires: String(NOW + 60) };
    const path = '/v1/AUTH_x/c/up/';
    const signature = createHmac('sha1', KEY).update(`${path}\n\n100\n2\n${NOW + 60}`).digest('hex');
    const check = verifyFormPost({ keys: [KEY], path, fields: { ...fields, signature }, accountId: ACCOUNT, container: 'c', prefix: 'up/', now: NOW });
    if (!check.ok) throw new Error(check.message);
    expect(allows('storage.objects.create', 'up/file.txt', check.scope)).toBe(true);
    expect(allows('storage.objects.create', 'elsewhere.txt', check.scope)).toBe(false);
    expect(allows('storage.objects.get', 'up/file.txt', check.scope)).toBe(false);
  });
});
