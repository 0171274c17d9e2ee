// ACLs end to end: the AWS SDK v3 sets and reads bucket and object ACLs; anonymous clients
// (plain fetch, no signature) use `/{accountId}:{bucket}/key` exactly as each canned ACL allows;
// a user of another account reaches a bucket that grants it by user id.
import {
  CreateBucketCommand,
  GetBucketAclCommand,
  GetObjectAclCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutBucketAclCommand,
  PutObjectAclCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { errorOf } from './sdk-errors';
import { startTestGateway, TestGateway } from './start-test-gateway';

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const AUTHENTICATED_USERS = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';

const client = (gw: TestGateway, accessKeyId: string, secretAccessKey: string): S3Client =>
  new S3Client({ endpoint: gw.url, region: gw.region, forcePathStyle: true, credentials: { accessKeyId, secretAccessKey } });

describe('S3 ACLs with @aws-sdk/client-s3 and anonymous clients', () => {
  let gw: TestGateway;
  let s3: S3Client;
  let stranger: { userId: string; s3: S3Client };

  beforeAll(async () => {
    gw = await startTestGateway();
    s3 = client(gw, gw.accessKey, gw.secretKey);
    const account = await gw.storage.accounts.create({ name: 'elsewhere' });
    const user = await gw.identity.createUser({ accountId: account.id, name: 'stranger', role: 'admin' });
    const { credential, secretKey } = await gw.identity.createCredential({ userId: user.id });
    stranger = { userId: user.id, s3: client(gw, credential.accessKey, secretKey) };
  });
  afterAll(async () => {
    s3?.destroy();
    stranger?.s3.destroy();
    await gw?.close();
  });

  const me = () => ({ ID: gw.userId, DisplayName: 'tester' });

  it('PutBucketAcl / GetBucketAcl: canned, grant headers and an AccessControlPolicy', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'sdk-acl' }));
    const initial = await s3.send(new GetBucketAclCommand({ Bucket: 'sdk-acl' }));
    expect(initial.Owner).toEqual(me());
    expect(initial.Grants).toEqual([{ Grantee: { Type: 'CanonicalUser', ...me() }, Permission: 'FULL_CONTROL' }]);

    await s3.send(new PutBucketAclCommand({ Bucket: 'sdk-acl', ACL: 'public-read' }));
    expect((await s3.send(new GetBucketAclCommand({ Bucket: 'sdk-acl' }))).Grants).toEqual([
      { Grantee: { Type: 'CanonicalUser', ...me() }, Permission: 'FULL_CONTROL' },
      { Grantee: { Type: 'Group', URI: ALL_USERS }, Permission: 'READ' },
    ]);

    await s3.send(new PutBucketAclCommand({ Bucket: 'sdk-acl', GrantRead: `id="${stranger.userId}"`, GrantFullControl: `id="${gw.userId}"` }));
    expect((await s3.send(new GetBucketAclCommand({ Bucket: 'sdk-acl' }))).Grants).toEqual([
      { Grantee: { Type: 'CanonicalUser', ...me() }, Permission: 'FULL_CONTROL' },
      { Grantee: { Type: 'CanonicalUser', ID: stranger.userId, DisplayName: 'stranger' }, Permission: 'READ' },
    ]);

    await s3.send(
      new PutBucketAclCommand({
        Bucket: 'sdk-acl',
        AccessControlPolicy: {
          Owner: { ID: gw.userId },
          Grants: [
            { Grantee: { Type: 'CanonicalUser', ID: gw.userId }, Permission: 'FULL_CONTROL' },
            { Grantee: { Type: 'Group', URI: AUTHENTICATED_USERS }, Permission: 'READ' },
          ],
        },
      }),
    );
    expect((await s3.send(new GetBucketAclCommand({ Bucket: 'sdk-acl' }))).Grants).toEqual([
      { Grantee: { Type: 'CanonicalUser', ...me() }, Permission: 'FULL_CONTROL' },
      { Grantee: { Type: 'Group', URI: AUTHENTICATED_USERS }, Permission: 'READ' },
    ]);

    const unknown = await errorOf(s3.send(new PutBucketAclCommand({ Bucket: 'sdk-acl', GrantRead: `id="${'0'.repeat(32)}"` })));
    expect(unknown.name).toBe('InvalidArgument');
    expect(unknown.message).toBe('Invalid id');
  });

  it('PutObjectAcl / GetObjectAcl, and the ACL given at PutObject', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'sdk-acl', Key: 'made-public', Body: 'x', ACL: 'public-read' }));
    expect((await s3.send(new GetObjectAclCommand({ Bucket: 'sdk-acl', Key: 'made-public' }))).Grants).toEqual([
      { Grantee: { Type: 'CanonicalUser', ...me() }, Permission: 'FULL_CONTROL' },
      { Grantee: { Type: 'Group', URI: ALL_USERS }, Permission: 'READ' },
    ]);
    await s3.send(new PutObjectAclCommand({ Bucket: 'sdk-acl', Key: 'made-public', ACL: 'private' }));
    const acl = await s3.send(new GetObjectAclCommand({ Bucket: 'sdk-acl', Key: 'made-public', VersionId: 'null' }));
    expect(acl.Owner).toEqual(me());
    expect(acl.Grants).toEqual([{ Grantee: { Type: 'CanonicalUser', ...me() }, Permission: 'FULL_CONTROL' }]);
    await s3.send(
      new PutObjectAclCommand({
        Bucket: 'sdk-acl',
        Key: 'made-public',
        AccessControlPolicy: { Grants: [{ Grantee: { Type: 'CanonicalUser', ID: stranger.userId }, Permission: 'READ' }] },
      }),
    );
    expect((await s3.send(new GetObjectAclCommand({ Bucket: 'sdk-acl', Key: 'made-public' }))).Grants).toEqual([
      { Grantee: { Type: 'CanonicalUser', ID: stranger.userId, DisplayName: 'stranger' }, Permission: 'READ' },
    ]);
    expect((await errorOf(s3.send(new GetObjectAclCommand({ Bucket: 'sdk-acl', Key: 'nothing-here' })))).name).toBe('NoSuchKey');
  });

  describe('anonymous access through /{accountId}:{bucket}/key, for each canned ACL', () => {
    const CASES = [
      { canned: 'private', read: false, write: false },
      { canned: 'public-read', read: true, write: false },
      { canned: 'public-read-write', read: true, write: true },
      { canned: 'authenticated-read', read: false, write: false },
    ] as const;
    const url = (bucket: string, rest = '') => `${gw.url}/${gw.accountId}:${bucket}${rest}`;

    it.each(CASES)('$canned: anonymous reads allowed: $read, writes allowed: $write', async ({ canned, read, write }) => {
      const bucket = `anon-${canned}`;
      await s3.send(new CreateBucketCommand({ Bucket: bucket, ACL: canned }));
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'dir/file.txt', Body: 'readable bytes' }));
      const expectStatus = (res: Response, allowed: boolean, ok: number) => expect(res.status).toBe(allowed ? ok : 403);

      const get = await fetch(url(bucket, '/dir/file.txt'));
      expectStatus(get, read, 200);
      expect(await get.text()).toEqual(read ? 'readable bytes' : expect.stringContaining('<Code>AccessDenied</Code>'));
      expectStatus(await fetch(url(bucket, '/dir/file.txt'), { method: 'HEAD' }), read, 200);
      const list = await fetch(url(bucket, '?list-type=2'));
      expectStatus(list, read, 200);
      if (read) expect(await list.text()).toContain('<Key>dir/file.txt</Key>');

      const put = await fetch(url(bucket, '/anonymous.txt'), { method: 'PUT', body: 'from nobody' });
      expectStatus(put, write, 200);
      if (write) {
        const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'anonymous.txt' }));
        expect(await got.Body!.transformToString()).toBe('from nobody');
        // An anonymous writer's object belongs to the bucket's owner.
        expect((await s3.send(new GetObjectAclCommand({ Bucket: bucket, Key: 'anonymous.txt' }))).Owner).toEqual(me());
      } else {
        expect((await errorOf(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'anonymous.txt' })))).name).toBe('NoSuchKey');
      }
      expectStatus(await fetch(url(bucket, '/dir/file.txt'), { method: 'DELETE' }), write, 204);
      const remaining = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'dir/' }));
      expect(remaining.KeyCount).toBe(write ? 0 : 1);

      // Never the bucket itself, whatever the ACL.
      expect((await fetch(url(bucket), { method: 'DELETE' })).status).toBe(403);
      expect((await fetch(url(bucket, '?acl'))).status).toBe(403);
    });

    it('authenticated-read lets a signed user of any account read, but not write', async () => {
      const bucket = 'anon-authenticated-read';
      const addressed = `${gw.accountId}:${bucket}`;
      const got = await stranger.s3.send(new GetObjectCommand({ Bucket: addressed, Key: 'dir/file.txt' }));
      expect(await got.Body!.transformToString()).toBe('readable bytes');
      const listed = await stranger.s3.send(new ListObjectsV2Command({ Bucket: addressed }));
      expect(listed.Contents?.map((o) => o.Key)).toEqual(['dir/file.txt']);
      expect((await errorOf(stranger.s3.send(new PutObjectCommand({ Bucket: addressed, Key: 'x', Body: 'x' })))).name).toBe('AccessDenied');
    });
  });

  it('a user of another account, granted by user id, works in the bucket through /{accountId}:{bucket}', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'shared-by-id' }));
    await s3.send(new PutObjectCommand({ Bucket: 'shared-by-id', Key: 'report.txt', Body: 'quarterly' }));
    const addressed = `${gw.accountId}:shared-by-id`;
    expect((await errorOf(stranger.s3.send(new GetObjectCommand({ Bucket: addressed, Key: 'report.txt' })))).name).toBe('AccessDenied');

    await s3.send(
      new PutBucketAclCommand({ Bucket: 'shared-by-id', GrantFullControl: `id="${gw.userId}"`, GrantRead: `id="${stranger.userId}"`, GrantWrite: `id="${stranger.userId}"` }),
    );
    const got = await stranger.s3.send(new GetObjectCommand({ Bucket: addressed, Key: 'report.txt' }));
    expect(await got.Body!.transformToString()).toBe('quarterly');
    await stranger.s3.send(new PutObjectCommand({ Bucket: addressed, Key: 'reply.txt', Body: 'noted' }));
    const reply = await s3.send(new GetObjectAclCommand({ Bucket: 'shared-by-id', Key: 'reply.txt' }));
    expect(reply.Owner).toEqual({ ID: stranger.userId, DisplayName: 'stranger' });
    // Its ACL is not the stranger's to read: READ_ACP was not granted.
    expect((await errorOf(stranger.s3.send(new GetBucketAclCommand({ Bucket: addressed })))).name).toBe('AccessDenied');
    // Anonymous callers still get nothing.
    expect((await fetch(`${gw.url}/${addressed}/report.txt`)).status).toBe(403);
  });
});
