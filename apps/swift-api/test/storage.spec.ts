import { createHash } from 'node:crypto';
import request from 'supertest';
import { startSwiftHarness, SwiftHarness } from './swift-harness';

describe('Swift storage requests', () => {
  let h: SwiftHarness;
  beforeAll(async () => (h = await startSwiftHarness()));
  afterAll(() => h?.close());
  const auth = () => ({ 'X-Auth-Token': h.token });

  it('refuses missing or bad tokens with 401 and a foreign account with 403; every answer has the transaction headers', async () => {
    const res = await request(h.url).get(`${h.accountPath}/c`).expect(401);
    expect(res.headers['x-trans-id']).toBe(res.headers['x-openstack-request-id']);
    expect(res.headers.date).toBeDefined();
    await request(h.url).get(h.accountPath).set('X-Auth-Token', 'garbage').expect(401);
    const revoked = await h.world.tokens.issue({ userId: h.world.userId, kind: 'auth', ttlSeconds: 600 });
    await h.world.tokens.revoke(revoked.jti);
    await request(h.url).head(h.accountPath).set('X-Auth-Token', revoked.token).expect(401);
    const expired = await h.world.tokens.issue({ userId: h.world.userId, kind: 'auth', ttlSeconds: 1 }, new Date(Date.now() - 10_000));
    await request(h.url).head(h.accountPath).set('X-Auth-Token', expired.token).expect(401);
    const stsKind = await h.world.tokens.issue({ userId: h.world.userId, kind: 'sts', ttlSeconds: 600 });
    await request(h.url).head(h.accountPath).set('X-Auth-Token', stsKind.token).expect(401);
    const other = await h.world.storage.accounts.create({ name: 'foreign' });
    await request(h.url).head(`/v1/AUTH_${other.id}`).set(auth()).expect(403);
    await request(h.url).head(`/v1/${h.world.accountId}`).set(auth()).expect(204);
  });

  it('creates, lists, heads and deletes containers and objects', async () => {
    await request(h.url).put(`${h.accountPath}/photos`).set(auth()).expect(201);
    await request(h.url).put(`${h.accountPath}/photos`).set(auth()).expect(202);
    const body = Buffer.from('hello swift');
    const md5 = createHash('md5').update(body).digest('hex');
    const put = await request(h.url).put(`${h.accountPath}/photos/a/b.txt`).set(auth()).set('X-Object-Meta-Color', 'blue').send(body).expect(201);
    expect(put.headers.etag).toBe(md5);
    await request(h.url).put(`${h.accountPath}/photos/c.bin`).set(auth()).set('ETag', '0'.repeat(32)).send(body).expect(422);

    const got = await request(h.url).get(`${h.accountPath}/photos/a/b.txt`).set(auth()).buffer(true).parse((res, cb) => { const c: Buffer[] = []; res.on('data', (d: Buffer) => c.push(d)); res.on('end', () => cb(null, Buffer.concat(c))); }).expect(200);
    expect(got.body).toEqual(body);
    expect(got.headers).toMatchObject({ etag: md5, 'content-type': 'application/octet-stream', 'x-object-meta-color': 'blue' });
    const ranged = await request(h.url).get(`${h.accountPath}/photos/a/b.txt`).set(auth()).set('Range', 'bytes=0-4').expect(206);
    expect(ranged.headers['content-range']).toBe('bytes 0-4/11');
    await request(h.url).get(`${h.accountPath}/photos/a/b.txt`).set(auth()).set('If-None-Match', md5).expect(304);

    const head = await request(h.url).head(`${h.accountPath}/photos`).set(auth()).expect(204);
    expect(head.headers).toMatchObject({ 'x-container-object-count': '1', 'x-container-bytes-used': '11' });
    const plain = await request(h.url).get(`${h.accountPath}/photos`).set(auth()).expect(200);
    expect(plain.text).toBe('a/b.txt\n');
    const json = await request(h.url).get(`${h.accountPath}/photos?format=json&delimiter=/`).set(auth()).expect(200);
    expect(json.body).toEqual([{ subdir: 'a/' }]);
    const full = await request(h.url).get(`${h.accountPath}/photos?format=json`).set(auth()).expect(200);
    expect(full.body[0]).toMatchObject({ name: 'a/b.txt', hash: md5, bytes: 11, content_type: 'application/octet-stream' });
    await request(h.url).get(`${h.accountPath}/photos?limit=1001`).set(auth()).expect(412);
    const account = await request(h.url).get(`${h.accountPath}?format=json`).set(auth()).expect(200);
    expect(account.body).toEqual([expect.objectContaining({ name: 'photos', count: 1, bytes: 11 })]);
    expect(account.headers['x-account-container-count']).toBe('1');

    await request(h.url).delete(`${h.accountPath}/photos`).set(auth()).expect(409);
    await request(h.url).delete(`${h.accountPath}/photos/a/b.txt`).set(auth()).expect(204);
    await request(h.url).delete(`${h.accountPath}/photos/a/b.txt`).set(auth()).expect(404);
    await request(h.url).delete(`${h.accountPath}/photos`).set(auth()).expect(204);
    const gone = await request(h.url).head(`${h.accountPath}/photos`).set(auth()).expect(404);
    expect(gone.text ?? '').toBe('');
    const missing = await request(h.url).get(`${h.accountPath}/photos`).set(auth()).expect(404);
    expect(missing.text).toBe('<html><h1>Not Found</h1><p>The resource could not be found.</p></html>');
  });

  it('POST sets and removes account and container metadata, and replaces object metadata', async () => {
    await request(h.url).post(h.accountPath).set(auth()).set('X-Account-Meta-Owner', 'ops').set('X-Account-Meta-Tier', 'gold').expect(204);
    await request(h.url).post(h.accountPath).set(auth()).set('X-Remove-Account-Meta-Tier', 'x').expect(204);
    const account = await request(h.url).head(h.accountPath).set(auth()).expect(204);
    expect(account.headers['x-account-meta-owner']).toBe('ops');
    expect(account.headers['x-account-meta-tier']).toBeUndefined();

    await request(h.url).put(`${h.accountPath}/meta`).set(auth()).expect(201);
    await request(h.url).post(`${h.accountPath}/meta`).set(auth()).set('X-Container-Meta-A', '1').set('X-Container-Meta-B', '2').expect(204);
    await request(h.url).post(`${h.accountPath}/meta`).set(auth()).set('X-Container-Meta-A', '').expect(204);
    const container = await request(h.url).head(`${h.accountPath}/meta`).set(auth()).expect(204);
    expect(container.headers).toMatchObject({ 'x-container-meta-b': '2' });
    expect(container.headers['x-container-meta-a']).toBeUndefined();
    await request(h.url).post(`${h.accountPath}/meta`).set(auth()).set('X-Container-Meta-Big', 'x'.repeat(257)).expect(400);
    // The KakaoCloud bucket document's form: X-Object-Meta-* on a container POST is container metadata.
    await request(h.url).post(`${h.accountPath}/meta`).set(auth()).set('X-Object-Meta-Company', 'kakao enterprise').expect(204);
    expect((await request(h.url).head(`${h.accountPath}/meta`).set(auth()).expect(204)).headers).toMatchObject({ 'x-container-meta-company': 'kakao enterprise', 'x-container-meta-b': '2' });

    await request(h.url).put(`${h.accountPath}/meta/o`).set(auth()).set('X-Object-Meta-Old', 'yes').set('Content-Type', 'text/plain').send('x').expect(201);
    await request(h.url).post(`${h.accountPath}/meta/o`).set(auth()).set('X-Object-Meta-New', 'yes').expect(202);
    const object = await request(h.url).head(`${h.accountPath}/meta/o`).set(auth()).expect(200);
    expect(object.headers).toMatchObject({ 'x-object-meta-new': 'yes', 'content-type': 'text/plain' });
    expect(object.headers['x-object-meta-old']).toBeUndefined();
    await request(h.url).post(`${h.accountPath}/meta/missing`).set(auth()).set('X-Object-Meta-New', 'yes').expect(404);
  });

  it('lists as XML, lets a reader read but not write, and refuses a disabled user with 401', async () => {
    // Container names follow the bucket naming rules every dialect shares.
    await request(h.url).put(`${h.accountPath}/x%26ml`).set(auth()).expect(400);
    await request(h.url).put(`${h.accountPath}/xml-list`).set(auth()).expect(201);
    await request(h.url).put(`${h.accountPath}/xml-list/a%3Cb%26c`).set(auth()).send('1').expect(201);
    const xml = await request(h.url).get(`${h.accountPath}/xml-list?format=xml`).set(auth()).expect(200);
    expect(xml.headers['content-type']).toMatch(/^application\/xml/);
    expect(xml.text).toContain('<container name="xml-list"><object><name>a&#60;b&#38;c</name><hash>');

    const reader = await h.world.identity.createUser({ accountId: h.world.accountId, name: 'reader', role: 'reader' });
    const readerToken = (await h.world.tokens.issue({ userId: reader.id, kind: 'auth', ttlSeconds: 600 })).token;
    await request(h.url).get(`${h.accountPath}/xml-list/a%3Cb%26c`).set('X-Auth-Token', readerToken).expect(200);
    await request(h.url).put(`${h.accountPath}/xml-list/new`).set('X-Auth-Token', readerToken).send('1').expect(403);
    await h.world.identity.setUserStatus(reader.id, 'disabled');
    await request(h.url).get(`${h.accountPath}/xml-list/a%3Cb%26c`).set('X-Auth-Token', readerToken).expect(401);
  });

  it('pages listings with limit, marker, end_marker, path and reverse (accounts)', async () => {
    await request(h.url).put(`${h.accountPath}/paged`).set(auth()).expect(201);
    for (const key of ['a', 'b', 'c', 'd/1', 'd/2/x']) await request(h.url).put(`${h.accountPath}/paged/${key}`).set(auth()).send(key).expect(201);
    const list = async (query: string) => (await request(h.url).get(`${h.accountPath}/paged?${query}`).set(auth())).text;
    expect(await list('limit=2')).toBe('a\nb\n');
    expect(await list('marker=a&end_marker=d')).toBe('b\nc\n');
    expect(await list('prefix=d/&delimiter=/')).toBe('d/1\nd/2/\n');
    expect(await list('path=d')).toBe('d/1\n'); // Swift's path: what is directly under d/, no subdir entries
    const head = await request(h.url).head(`${h.accountPath}/paged/a`).set(auth()).expect(200);
    expect(head.headers['x-timestamp']).toMatch(/^\d{10}\.\d{5}$/);

    await request(h.url).put(`${h.accountPath}/paged2`).set(auth()).expect(201);
    const containers = async (query: string) => (await request(h.url).get(`${h.accountPath}?${query}`).set(auth())).text.split('\n').filter((n) => n.startsWith('paged'));
    expect(await containers('reverse=true')).toEqual(['paged2', 'paged']);
    expect(await containers('reverse=true&marker=paged2')).toEqual(['paged']);
    expect(await containers('marker=paged')).toEqual(['paged2']);
  });
});
