import { AclGrant, BucketRecord, repositories } from '@gw/metadata';
import { GatewayError } from '../errors';
import { newHexId } from '../ids';
import { bodyOf, newAccount, openStorageFixture, rejectionOf, StorageFixture } from '../testing';

describe('AclService and ACLs at creation', () => {
  let f: StorageFixture;
  let account: string;
  let owner: string;
  let stranger: string;
  let bucket: BucketRecord;
  let seq = 0;

  const newUser = async (accountId: string): Promise<string> => {
    const id = newHexId();
    await repositories(f.t.db.knex).users.insert({ id, accountId, name: `user-${++seq}`, role: 'member' });
    return id;
  };
  const errorOf = async (promise: Promise<unknown>) => {
    const error = await rejectionOf(promise);
    expect(error).toBeInstanceOf(GatewayError);
    return error as GatewayError;
  };
  const ownerFull = (id: string): AclGrant => ({ grantee: { type: 'user', id }, permission: 'FULL_CONTROL' });
  const userGrant = (id: string, permission: AclGrant['permission']): AclGrant => ({ grantee: { type: 'user', id }, permission });
  const put = (key: string, options: { ownerUserId?: string; acl?: Parameters<typeof f.storage.objects.put>[0]['acl'] } = {}) =>
    f.storage.objects.put({ bucket, key, body: bodyOf('data'), ...options });

  beforeAll(async () => {
    f = await openStorageFixture();
    account = await newAccount(f.storage);
    owner = await newUser(account);
    stranger = await newUser(await newAccount(f.storage));
  });
  afterAll(() => f.close());
  beforeEach(async () => {
    bucket = await f.storage.buckets.create({ accountId: account, name: `bucket-${++seq}`, ownerUserId: owner });
  });

  describe('buckets', () => {
    it('are private until told otherwise: the owner alone has FULL_CONTROL', async () => {
      expect(bucket.acl).toBeUndefined();
      expect(f.storage.acls.getBucketAcl(bucket)).toEqual({ ownerUserId: owner, grants: [ownerFull(owner)] });
    });

    it('take a canned ACL at creation', async () => {
      const created = await f.storage.buckets.create({ accountId: account, name: 'created-public', ownerUserId: owner, acl: { canned: 'public-read' } });
      const stored = await f.storage.buckets.get(account, 'created-public');
      expect(stored.acl).toEqual([ownerFull(owner), { grantee: { type: 'group', group: 'AllUsers' }, permission: 'READ' }]);
      expect(created.acl).toEqual(stored.acl);
    });

    it('store explicit grants to users of any account, without repeats', async () => {
      const grants = [ownerFull(owner), userGrant(stranger, 'READ'), userGrant(stranger, 'READ'), userGrant(stranger, 'WRITE')];
      const acl = await f.storage.acls.putBucketAcl(bucket, { grants });
      expect(acl).toEqual({ ownerUserId: owner, grants: [ownerFull(owner), userGrant(stranger, 'READ'), userGrant(stranger, 'WRITE')] });
      expect((await f.storage.buckets.get(account, bucket.name)).acl).toEqual(acl.grants);
    });

    it('refuse a grant to an unknown or malformed user id with InvalidArgument "Invalid id", changing nothing', async () => {
      await f.storage.acls.putBucketAcl(bucket, { canned: 'public-read' });
      for (const id of [newHexId(), 'not-a-user-id']) {
        const error = await errorOf(f.storage.acls.putBucketAcl(bucket, { grants: [userGrant(id, 'READ')] }));
        expect(error).toMatchObject({ code: 'InvalidArgument', message: 'Invalid id', details: { ArgumentName: 'CanonicalUser/ID', ArgumentValue: id } });
      }
      expect((await f.storage.buckets.get(account, bucket.name)).acl).toHaveLength(2);
      const atCreation = await errorOf(
        f.storage.buckets.create({ accountId: account, name: 'never-made', ownerUserId: owner, acl: { grants: [userGrant(newHexId(), 'READ')] } }),
      );
      expect(atCreation.code).toBe('InvalidArgument');
      expect(await f.storage.buckets.list(account).then((all) => all.map((b) => b.name))).not.toContain('never-made');
    });

    it('refuse to change the owner (AccessDenied) but accept the owner named as it is', async () => {
      expect((await errorOf(f.storage.acls.putBucketAcl(bucket, { grants: [], ownerUserId: stranger }))).code).toBe('AccessDenied');
      expect(await f.storage.acls.putBucketAcl(bucket, { grants: [], ownerUserId: owner })).toEqual({ ownerUserId: owner, grants: [] });
    });

    it('hold at most 100 grants (MalformedACLError past that)', async () => {
      const many = Array.from({ length: 101 }, () => ({ grantee: { type: 'group', group: 'AllUsers' }, permission: 'READ' }) as AclGrant);
      expect((await errorOf(f.storage.acls.putBucketAcl(bucket, { grants: many }))).code).toBe('MalformedACLError');
    });
  });

  describe('objects', () => {
    it('are private to their writer; an anonymous writer\'s object belongs to the bucket owner', async () => {
      await put('by-stranger', { ownerUserId: stranger });
      await put('by-anonymous');
      expect(await f.storage.acls.getObjectAcl(bucket, 'by-stranger')).toEqual({ ownerUserId: stranger, grants: [ownerFull(stranger)] });
      const anonymous = await repositories(f.t.db.knex).objects.findLatest(bucket.id, 'by-anonymous');
      expect(anonymous?.ownerUserId).toBe(owner);
      expect(await f.storage.acls.getObjectAcl(bucket, 'by-anonymous')).toEqual({ ownerUserId: owner, grants: [ownerFull(owner)] });
    });

    it('take a canned ACL at creation, expanded for the writer and the bucket owner', async () => {
      await put('shared', { ownerUserId: stranger, acl: { canned: 'bucket-owner-full-control' } });
      expect((await f.storage.acls.getObjectAcl(bucket, 'shared')).grants).toEqual([ownerFull(stranger), ownerFull(owner)]);
    });

    it('refuse an invalid ACL at creation before any byte is stored', async () => {
      const body = bodyOf('data');
      const error = await errorOf(f.storage.objects.put({ bucket, key: 'refused', body, acl: { grants: [userGrant(newHexId(), 'READ')] } }));
      expect(error.code).toBe('InvalidArgument');
      expect(body.readableDidRead).toBe(false);
      expect(await repositories(f.t.db.knex).objects.findLatest(bucket.id, 'refused')).toBeUndefined();
    });

    it('have their ACL read and replaced, by version too', async () => {
      await put('doc');
      const acl = await f.storage.acls.putObjectAcl(bucket, 'doc', undefined, { canned: 'public-read' });
      expect(acl.grants).toEqual([ownerFull(owner), { grantee: { type: 'group', group: 'AllUsers' }, permission: 'READ' }]);
      expect(await f.storage.acls.getObjectAcl(bucket, 'doc', 'null')).toEqual(acl);
      expect((await errorOf(f.storage.acls.getObjectAcl(bucket, 'doc', 'no-such-version'))).code).toBe('NoSuchVersion');
      expect((await errorOf(f.storage.acls.getObjectAcl(bucket, 'missing'))).code).toBe('NoSuchKey');
      expect((await errorOf(f.storage.acls.putObjectAcl(bucket, 'missing', undefined, { canned: 'private' }))).code).toBe('NoSuchKey');
    });
  });

  describe('accessTarget', () => {
    it('loads the bucket and the object\'s owner and ACL together; no object when there is none', async () => {
      await put('public', { ownerUserId: stranger, acl: { canned: 'public-read' } });
      const found = await f.storage.acls.accessTarget(account, bucket.name, { key: 'public' });
      expect(found.bucket).toEqual(await f.storage.buckets.get(account, bucket.name));
      expect(found.object).toEqual({ ownerUserId: stranger, acl: [ownerFull(stranger), { grantee: { type: 'group', group: 'AllUsers' }, permission: 'READ' }] });
      expect((await f.storage.acls.accessTarget(account, bucket.name, { key: 'public', versionId: 'null' })).object?.ownerUserId).toBe(stranger);
      expect((await f.storage.acls.accessTarget(account, bucket.name, { key: 'public', versionId: 'other' })).object).toBeUndefined();
      expect((await f.storage.acls.accessTarget(account, bucket.name, { key: 'absent' })).object).toBeUndefined();
      expect((await f.storage.acls.accessTarget(account, bucket.name, { key: 'nul\u0000key' })).object).toBeUndefined();
      expect((await f.storage.acls.accessTarget(account, bucket.name)).object).toBeUndefined();
    });

    it('ignores a deleted object and answers NoSuchBucket for a missing bucket', async () => {
      await put('gone', { acl: { canned: 'public-read' } });
      await f.storage.objects.delete(bucket, 'gone');
      expect((await f.storage.acls.accessTarget(account, bucket.name, { key: 'gone' })).object).toBeUndefined();
      expect((await errorOf(f.storage.acls.accessTarget(account, 'no-such-bucket', { key: 'k' }))).code).toBe('NoSuchBucket');
    });
  });
});
