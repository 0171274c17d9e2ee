import request from 'supertest';
import { PASSWORD, PUBLIC_URL, startSwiftHarness, SwiftHarness } from './swift-harness';

describe('Swift identity endpoints', () => {
  let h: SwiftHarness;
  beforeAll(async () => (h = await startSwiftHarness()));
  afterAll(() => h?.close());

  it('GET /auth/v1.0 with account:user and the password answers a token and the storage URL', async () => {
    for (const user of ['swiftacct:admin', `${h.world.accountId}:admin`, h.world.userId]) {
      const res = await request(h.url).get('/auth/v1.0').set('X-Auth-User', user).set('X-Auth-Key', PASSWORD).expect(200);
      expect(res.headers['x-storage-url']).toBe(`${PUBLIC_URL}/v1/AUTH_${h.world.accountId}`);
      expect(Number(res.headers['x-auth-token-expires'])).toBeGreaterThan(86000);
      expect(res.headers['x-trans-id']).toMatch(/^tx/);
      // The token opens the account.
      await request(h.url).head(`/v1/AUTH_${h.world.accountId}`).set('X-Auth-Token', res.headers['x-auth-token']).expect(204);
    }
  });

  it('GET /auth/v1.0 refuses a wrong password, an unknown user or account, missing headers with 401', async () => {
    for (const [user, key] of [['swiftacct:admin', 'wrong-password'], ['swiftacct:nobody', PASSWORD], ['noacct:admin', PASSWORD], ['admin', PASSWORD]]) {
      const res = await request(h.url).get('/auth/v1.0').set('X-Auth-User', user).set('X-Auth-Key', key).expect(401);
      expect(res.text).toContain('<h1>Unauthorized</h1>');
    }
    await request(h.url).get('/auth/v1.0').expect(401);
  });

  it('POST /v3/auth/tokens with the password method answers 201, X-Subject-Token and the catalog', async () => {
    const body = (user: object, scope?: object) => ({ auth: { identity: { methods: ['password'], password: { user } }, ...(scope && { scope }) } });
    const cases = [
      body({ name: 'admin', domain: { name: 'Default' }, password: PASSWORD }, { project: { name: 'swiftacct', domain: { name: 'Default' } } }),
      body({ id: h.world.userId, password: PASSWORD }, { project: { id: h.world.accountId } }),
      body({ name: 'admin', domain: { name: 'swiftacct' }, password: PASSWORD }),
    ];
    for (const payload of cases) {
      const res = await request(h.url).post('/v3/auth/tokens').send(payload).expect(201);
      expect(res.body.token.project).toMatchObject({ id: h.world.accountId, name: 'swiftacct' });
      expect(res.body.token.user).toMatchObject({ id: h.world.userId, name: 'admin' });
      expect(Date.parse(res.body.token.expires_at)).toBeGreaterThan(Date.now());
      const store = res.body.token.catalog.find((s: { type: string }) => s.type === 'object-store');
      expect(store.endpoints.find((e: { interface: string }) => e.interface === 'public').url).toBe(`${PUBLIC_URL}/v1/AUTH_${h.world.accountId}`);
      await request(h.url).get(`/v1/AUTH_${h.world.accountId}`).set('X-Auth-Token', res.headers['x-subject-token']).expect(204);
    }
  });

  it('POST /v3/auth/tokens refuses a wrong password or another project with 401, junk with 400', async () => {
    await request(h.url).post('/v3/auth/tokens').send({ auth: { identity: { methods: ['password'], password: { user: { id: h.world.userId, password: 'nope-nope-nope' } } } } }).expect(401);
    const other = await h.world.storage.accounts.create({ name: 'otheracct' });
    await request(h.url).post('/v3/auth/tokens').send({ auth: { identity: { methods: ['password'], password: { user: { id: h.world.userId, password: PASSWORD } } }, scope: { project: { id: other.id } } } }).expect(401);
    await request(h.url).post('/v3/auth/tokens').set('Content-Type', 'application/json').send('{not json').expect(400);
  });
});
