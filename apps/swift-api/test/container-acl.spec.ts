// Swift container ACLs (X-Container-Read / X-Container-Write) set on the wire and enforced by the
// access decision point: referrer rules, .rlistings, and users of another account.
import request from 'supertest';
import { startSwiftHarness, SwiftHarness } from './swift-harness';

describe('Swift container ACL headers', () => {
  let h: SwiftHarness;
  let otherAccountId: string;
  let bobToken: string;
  const auth = () => ({ 'X-Auth-Token': h.token });
  const bob = () => ({ 'X-Auth-Token': bobToken });

  beforeAll(async () => {
    h = await startSwiftHarness();
    const other = await h.world.storage.accounts.create({ name: 'otherproj' });
    otherAccountId = other.id;
    const user = await h.world.identity.createUser({ accountId: other.id, name: 'bob', role: 'member' });
    bobToken = (await h.world.tokens.issue({ userId: user.id, kind: 'auth', ttlSeconds: 600 })).token;
  });
  afterAll(() => h?.close());

  it('.r:* with .rlistings opens objects and the listing to anyone; removing it closes them', async () => {
    await request(h.url).put(`${h.accountPath}/public`).set(auth()).set('X-Container-Read', '.r:*,.rlistings').expect(201);
    await request(h.url).put(`${h.accountPath}/public/o.txt`).set(auth()).send('hello').expect(201);
    expect((await request(h.url).get(`${h.accountPath}/public/o.txt`).expect(200)).text).toBe('hello');
    expect((await request(h.url).get(`${h.accountPath}/public`).expect(200)).text).toBe('o.txt\n');
    await request(h.url).put(`${h.accountPath}/public/new.txt`).send('x').expect(401);

    const owner = await request(h.url).head(`${h.accountPath}/public`).set(auth()).expect(204);
    expect(owner.headers['x-container-read']).toBe('.r:*,.rlistings');
    const anonymous = await request(h.url).head(`${h.accountPath}/public`).expect(204);
    expect(anonymous.headers['x-container-read']).toBeUndefined();

    await request(h.url).post(`${h.accountPath}/public`).set(auth()).set('X-Remove-Container-Read', 'x').expect(204);
    await request(h.url).get(`${h.accountPath}/public/o.txt`).expect(401);
    const after = await request(h.url).get(`${h.accountPath}/public`).set(auth()).expect(200);
    expect(after.headers['x-container-read']).toBeUndefined();
  });

  it('referrer rules read the Referer header; without .rlistings there is no listing', async () => {
    await request(h.url).put(`${h.accountPath}/refs`).set(auth()).expect(201);
    await request(h.url).put(`${h.accountPath}/refs/pic.png`).set(auth()).send('png').expect(201);
    await request(h.url).post(`${h.accountPath}/refs`).set(auth()).set('X-Container-Read', '.r:.example.com,.r:-bad.example.com').expect(204);
    await request(h.url).get(`${h.accountPath}/refs/pic.png`).set('Referer', 'https://www.example.com/page').expect(200);
    await request(h.url).get(`${h.accountPath}/refs/pic.png`).set('Referer', 'https://bad.example.com/page').expect(401);
    await request(h.url).get(`${h.accountPath}/refs/pic.png`).set('Referer', 'https://elsewhere.org/').expect(401);
    await request(h.url).get(`${h.accountPath}/refs/pic.png`).expect(401);
    await request(h.url).get(`${h.accountPath}/refs`).set('Referer', 'https://www.example.com/page').expect(401);
  });

  it('grants users of another account read and write by account:user', async () => {
    await request(h.url).put(`${h.accountPath}/shared`).set(auth()).set('X-Container-Read', `${otherAccountId}:bob`).expect(201);
    await request(h.url).put(`${h.accountPath}/shared/doc.txt`).set(auth()).send('doc').expect(201);
    expect((await request(h.url).get(`${h.accountPath}/shared/doc.txt`).set(bob()).expect(200)).text).toBe('doc');
    expect((await request(h.url).get(`${h.accountPath}/shared`).set(bob()).expect(200)).text).toBe('doc.txt\n');
    await request(h.url).put(`${h.accountPath}/shared/bob.txt`).set(bob()).send('b').expect(403);
    const seen = await request(h.url).head(`${h.accountPath}/shared`).set(bob()).expect(204);
    expect(seen.headers['x-container-read']).toBeUndefined();
    await request(h.url).post(`${h.accountPath}/shared`).set(bob()).set('X-Container-Write', 'otherproj:*').expect(403);

    await request(h.url).post(`${h.accountPath}/shared`).set(auth()).set('X-Container-Write', 'otherproj:*').expect(204);
    await request(h.url).put(`${h.accountPath}/shared/bob.txt`).set(bob()).send('b').expect(201);
    await request(h.url).delete(`${h.accountPath}/shared/bob.txt`).set(bob()).expect(204);
    const owner = await request(h.url).head(`${h.accountPath}/shared`).set(auth()).expect(204);
    expect(owner.headers).toMatchObject({ 'x-container-read': `${otherAccountId}:bob`, 'x-container-write': 'otherproj:*' });
    // The read ACL stayed as it was: a POST changes only the ACL it names.
    await request(h.url).post(`${h.accountPath}/shared`).set(auth()).set('X-Container-Read', '').expect(204);
    await request(h.url).get(`${h.accountPath}/shared/doc.txt`).set(bob()).expect(403);
  });

  it('refuses an invalid ACL with 400 and Swift’s message, creating nothing', async () => {
    const res = await request(h.url).put(`${h.accountPath}/badacl`).set(auth()).set('X-Container-Write', '.r:*').expect(400);
    expect(res.text).toBe("Referrers not allowed in write ACL: '.r:*'");
    await request(h.url).head(`${h.accountPath}/badacl`).set(auth()).expect(404);
    await request(h.url).put(`${h.accountPath}/goodacl`).set(auth()).expect(201);
    await request(h.url).post(`${h.accountPath}/goodacl`).set(auth()).set('X-Container-Read', '.r:').set('X-Container-Meta-A', '1').expect(400);
    const head = await request(h.url).head(`${h.accountPath}/goodacl`).set(auth()).expect(204);
    expect(head.headers['x-container-meta-a']).toBeUndefined();
  });
});
