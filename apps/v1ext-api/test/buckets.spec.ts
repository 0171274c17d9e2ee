import { Readable } from 'node:stream';
import request from 'supertest';
import { startV1extHarness, V1extHarness } from './v1ext-harness';

describe('/v1_ext buckets', () => {
  let h: V1extHarness;
  beforeAll(async () => (h = await startV1extHarness()));
  afterAll(() => h?.close());
  const as = (role: 'admin' | 'member' | 'reader' = 'admin') => ({ 'X-Auth-Token': h.tokens[role] });
  const create = (body: object | string, role: 'admin' | 'member' | 'reader' = 'admin') =>
    request(h.url).put('/v1_ext/bucket').set(as(role)).set('Content-Type', 'application/json').send(body);
  const putObject = async (bucketName: string, key: string, body: string) =>
    h.world.storage.objects.put({ bucket: await h.world.storage.buckets.get(h.world.accountId, bucketName), key, body: Readable.from([Buffer.from(body)]) });

  it('answers health checks, unknown paths with a JSON 404 and unknown methods with a JSON 405', async () => {
    await request(h.url).get('/healthz').expect(200, { status: 'ok' });
    const missing = await request(h.url).get('/v1_ext/bucket/x/policy').set(as()).expect(404);
    expect(missing.body).toEqual({ code: 'NotFound', message: 'No such resource.' });
    const method = await request(h.url).patch('/v1_ext/bucket').set(as()).expect(405);
    expect(method.body.code).toBe('MethodNotAllowed');
    await request(h.url).delete('/v1_ext/some-bucket').set(as()).expect(405);
  });

  it('refuses missing, bad, expired and revoked tokens with 401', async () => {
    const res = await request(h.url).get('/v1_ext/bucket').expect(401);
    expect(res.body).toEqual({ code: 'Unauthorized', message: expect.any(String) });
    await request(h.url).get('/v1_ext/bucket').set('X-Auth-Token', 'garbage').expect(401);
    const revoked = await h.world.tokens.issue({ userId: h.world.userId, kind: 'auth', ttlSeconds: 600 });
    await h.world.tokens.revoke(revoked.jti);
    await request(h.url).get('/v1_ext/bucket').set('X-Auth-Token', revoked.token).expect(401);
    const expired = await h.world.tokens.issue({ userId: h.world.userId, kind: 'auth', ttlSeconds: 1 }, new Date(Date.now() - 10_000));
    await request(h.url).put('/v1_ext/bucket').set('X-Auth-Token', expired.token).send({ name: 'never' }).expect(401);
    await request(h.url).head('/v1_ext/bucket/never').expect(401);
  });

  it('creates a bucket with the spec answer, encrypted at rest when asked; 409 when the name exists', async () => {
    const res = await create({ name: 'my-bucket-new', type: 'STANDARD', use_encryption: true, encryption_configuration: { type: 'managed' } }).expect(200);
    expect(res.body).toEqual({
      account: h.world.accountId,
      project: h.world.accountId,
      name: 'my-bucket-new',
      type: 'STANDARD',
      bytes: 0,
      objectCount: 0,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      acl: { permissions: null, public: 'deny', public_read_allow_ip_list: null },
      lastModified: expect.stringMatching(/Z$/),
      use_encryption: true,
      encryption_type: 'managed',
      storageClass: 'STANDARD',
      storagePolicy: 'default-placement',
    });
    expect((await h.world.storage.buckets.get(h.world.accountId, 'my-bucket-new')).encryption).toBe('AES256');
    // An object written into it is encrypted at rest.
    const object = await putObject('my-bucket-new', 'secret.txt', 'top secret');
    expect(object.encryption).toBe('AES256');

    const plain = await create({ name: 'plain-bucket', type: 'STANDARD' }, 'member').expect(200);
    expect(plain.body).toMatchObject({ use_encryption: false, encryption_type: '' });
    // encryption_configuration wins over use_encryption.
    await create({ name: 'forced-enc', type: 'STANDARD', use_encryption: false, encryption_configuration: { type: 'managed' } }).expect(200);
    expect((await h.world.storage.buckets.get(h.world.accountId, 'forced-enc')).encryption).toBe('AES256');

    const again = await create({ name: 'my-bucket-new', type: 'STANDARD' }).expect(409);
    expect(again.body.code).toBe('BucketAlreadyOwnedByYou');
  });

  it.each<[string, object | string, string]>([
    ['no name', { type: 'STANDARD' }, 'InvalidArgument'],
    ['a name that is no bucket name', { name: 'Bad_Name!', type: 'STANDARD' }, 'InvalidBucketName'],
    ['an unknown type', { name: 'typed', type: 'GLACIER' }, 'InvalidArgument'],
    ['use_encryption not a boolean', { name: 'enc', type: 'STANDARD', use_encryption: 'yes' }, 'InvalidArgument'],
    ['a KMS encryption', { name: 'kms', type: 'STANDARD', encryption_configuration: { type: 'true' } }, 'InvalidArgument'],
    ['a body that is not JSON', '{"name": ', 'MalformedJSON'],
    ['a JSON list', '[1]', 'MalformedJSON'],
  ])('refuses %s with 400', async (_name, body, code) => {
    const res = await create(body).expect(400);
    expect(res.body.code).toBe(code);
  });

  it('lets a reader read but not create, change or delete (403)', async () => {
    await create({ name: 'by-reader', type: 'STANDARD' }, 'reader').expect(403);
    await request(h.url).get('/v1_ext/bucket').set(as('reader')).expect(200);
    await request(h.url).get('/v1_ext/bucket/plain-bucket').set(as('reader')).expect(200);
    await request(h.url).post('/v1_ext/bucket/plain-bucket').set(as('reader')).send({ acl: { public: 'read-only' } }).expect(403);
    await request(h.url).delete('/v1_ext/bucket/plain-bucket').set(as('reader')).expect(403);
    // A reader learns nothing about what does not exist: 403 before 404.
    await request(h.url).delete('/v1_ext/bucket/nothing-here').set(as('reader')).expect(403);
  });

  it('shows details with exact usage and the user metadata as X-Container-Meta-* headers, on GET, HEAD and /v1_ext/{name}', async () => {
    await create({ name: 'detail-bucket', type: 'STANDARD' }).expect(200);
    await putObject('detail-bucket', 'a.txt', 'hello');
    await putObject('detail-bucket', 'b.txt', 'world!!');
    const bucket = await h.world.storage.buckets.get(h.world.accountId, 'detail-bucket');
    await h.world.storage.buckets.updateMeta(bucket, { set: { company: 'kakao enterprise' }, remove: [] });

    const res = await request(h.url).get('/v1_ext/bucket/detail-bucket').set(as()).expect(200);
    expect(res.body).toMatchObject({ project: h.world.accountId, name: 'detail-bucket', bytes: 12, objectCount: 2, acl: { public: 'deny', public_read_allow_ip_list: null } });
    expect(res.headers['x-container-meta-company']).toBe('kakao enterprise');
    const head = await request(h.url).head('/v1_ext/bucket/detail-bucket').set(as()).expect(200);
    expect(head.headers['x-container-meta-company']).toBe('kakao enterprise');
    expect(head.headers['x-container-object-count']).toBe('2');
    const alias = await request(h.url).get('/v1_ext/detail-bucket').set(as()).expect(200);
    expect(alias.body).toEqual(res.body);
    const gone = await request(h.url).get('/v1_ext/bucket/no-such-bucket').set(as()).expect(404);
    expect(gone.body.code).toBe('NoSuchBucket');
    await request(h.url).head('/v1_ext/no-such-bucket').set(as()).expect(404);
  });

  it('sets public access with an IP allow list, refuses bad addresses, and removes it with null', async () => {
    await create({ name: 'public-bucket', type: 'STANDARD' }).expect(200);
    const set = await request(h.url)
      .post('/v1_ext/bucket/public-bucket')
      .set(as('member'))
      .send({ name: 'public-bucket', acl: { public: 'read-only', public_read_allow_ip_list: ['1.1.1.1', '2.2.2.0/24', '2001:db8::/32'] } })
      .expect(200);
    expect(set.body).toMatchObject({ name: 'public-bucket', acl: { public: 'read-only', public_read_allow_ip_list: ['1.1.1.1', '2.2.2.0/24', '2001:db8::/32'] } });
    const got = await request(h.url).get('/v1_ext/bucket/public-bucket').set(as()).expect(200);
    expect(got.body.acl).toEqual(set.body.acl);

    for (const bad of [['1.1.1.1/33'], ['not-an-ip'], ['1.1.1'], [42]]) {
      const res = await request(h.url).post('/v1_ext/bucket/public-bucket').set(as()).send({ acl: { public: 'read-only', public_read_allow_ip_list: bad } }).expect(400);
      expect(res.body.code).toBe('InvalidArgument');
    }
    await request(h.url).post('/v1_ext/bucket/public-bucket').set(as()).send({ acl: { public: 'everyone' } }).expect(400);
    await request(h.url).post('/v1_ext/bucket/public-bucket').set(as()).send({ name: 'public-bucket' }).expect(400);
    // The failed requests changed nothing.
    expect((await request(h.url).get('/v1_ext/bucket/public-bucket').set(as()).expect(200)).body.acl.public).toBe('read-only');

    const denied = await request(h.url).post('/v1_ext/bucket/public-bucket').set(as()).send({ acl: { public: 'deny', public_read_allow_ip_list: null } }).expect(200);
    expect(denied.body.acl).toEqual({ public: 'deny', public_read_allow_ip_list: null });
    expect((await h.world.storage.buckets.get(h.world.accountId, 'public-bucket')).publicAccess).toEqual({ public: 'deny', allowIps: [] });
    await request(h.url).post('/v1_ext/bucket/public-bucket').set(as()).send({ acl: null }).expect(200);
    expect((await h.world.storage.buckets.get(h.world.accountId, 'public-bucket')).publicAccess).toBeUndefined();
    await request(h.url).post('/v1_ext/bucket/no-such-bucket').set(as()).send({ acl: null }).expect(404);
  });

  it('deletes an empty bucket (204), refuses a non-empty one (409) and a missing one (404)', async () => {
    await create({ name: 'doomed', type: 'STANDARD' }).expect(200);
    await putObject('doomed', 'x', 'x');
    const full = await request(h.url).delete('/v1_ext/bucket/doomed').set(as()).expect(409);
    expect(full.body.code).toBe('BucketNotEmpty');
    await h.world.storage.objects.delete(await h.world.storage.buckets.get(h.world.accountId, 'doomed'), 'x');
    await request(h.url).delete('/v1_ext/bucket/doomed').set(as('member')).expect(204);
    await request(h.url).delete('/v1_ext/bucket/doomed').set(as()).expect(404);
  });
});
