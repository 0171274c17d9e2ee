import { containerAclDocument, parseContainerAcl } from './container-acl';
import { errorCodeOf, newAccount, openStorageFixture, StorageFixture } from '../testing';

describe('parseContainerAcl', () => {
  it.each([
    ['.r:*', { referrers: [{ host: '*', allow: true }], listings: false, principals: [] }],
    ['.r:*,.rlistings', { referrers: [{ host: '*', allow: true }], listings: true, principals: [] }],
    [' .r:.example.com , .r:-bad.example.com,,', { referrers: [{ host: '.example.com', allow: true }, { host: 'bad.example.com', allow: false }], listings: false, principals: [] }],
    ['.ref:*.example.com,.referrer:host,.referer:- other', { referrers: [{ host: '.example.com', allow: true }, { host: 'host', allow: true }, { host: 'other', allow: false }], listings: false, principals: [] }],
    ['acct:user,acct:*,*:user,*:*,acct,a%20b:c', {
      referrers: [], listings: false,
      principals: [{ account: 'acct', user: 'user' }, { account: 'acct', user: '*' }, { account: '*', user: 'user' }, { account: '*', user: '*' }, { account: 'acct' }, { account: 'a b', user: 'c' }],
    }],
    ['', { referrers: [], listings: false, principals: [] }],
  ])('read %j', (value, grants) => expect(parseContainerAcl('read', value)).toEqual(grants));

  it('takes user grants in a write ACL', () => {
    expect(parseContainerAcl('write', 'acct:user')).toEqual({ referrers: [], listings: false, principals: [{ account: 'acct', user: 'user' }] });
  });

  it.each([
    ['write', '.r:*', "Referrers not allowed in write ACL: '.r:*'"],
    ['read', '.r:', "No host/domain value after referrer designation in ACL: '.r:'"],
    ['read', '.r:-', "No host/domain value after referrer designation in ACL: '.r:-'"],
    ['read', '.r:.', "No host/domain value after referrer designation in ACL: '.r:.'"],
    ['read', '.x:y', "Unknown designator '.x' in ACL: '.x:y'"],
  ] as const)('%s %s -> InvalidArgument', (kind, value, message) => {
    expect(() => parseContainerAcl(kind, value)).toThrow(expect.objectContaining({ code: 'InvalidArgument', message }));
  });

  it('keeps the headers as sent with their grants', () => {
    expect(containerAclDocument('.r:*', undefined)).toEqual({ read: { header: '.r:*', grants: { referrers: [{ host: '*', allow: true }], listings: false, principals: [] } } });
    expect(containerAclDocument(' ', '')).toEqual({});
  });
});

describe('BucketConfigService container ACLs', () => {
  let f: StorageFixture;
  beforeAll(async () => (f = await openStorageFixture()));
  afterAll(() => f.close());

  it('stores, merges per header, removes and refuses as a Swift container POST does', async () => {
    const bucket = await f.storage.buckets.create({ accountId: await newAccount(f.storage), name: 'swift-acl' });
    const config = f.storage.bucketConfig;
    expect(config.getContainerAcl(bucket)).toBeUndefined();

    await config.setContainerAcl(bucket, { read: '.r:*,.rlistings' });
    let reread = await f.storage.buckets.get(bucket.accountId, bucket.name);
    expect(config.getContainerAcl(reread)?.read?.grants.listings).toBe(true);

    await config.setContainerAcl(reread, { write: 'acct:bob' });
    reread = await f.storage.buckets.get(bucket.accountId, bucket.name);
    expect(config.getContainerAcl(reread)).toMatchObject({ read: { header: '.r:*,.rlistings' }, write: { header: 'acct:bob' } });

    expect(await errorCodeOf(config.setContainerAcl(reread, { write: '.r:*' }))).toBe('InvalidArgument');
    await config.setContainerAcl(reread, { read: '', write: '' });
    reread = await f.storage.buckets.get(bucket.accountId, bucket.name);
    expect(config.getContainerAcl(reread)).toBeUndefined();
  });
});
