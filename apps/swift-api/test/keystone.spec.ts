import request from 'supertest';
import { PASSWORD, startSwiftHarness, SwiftHarness } from './swift-harness';

/** Keystone's error body: `{"error": {"code", "title", "message"}}` with the status as code. */
const expectKeystoneError = (res: request.Response, status: number, title: string): void => {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.body).toEqual({ error: { code: status, title, message: expect.any(String) } });
};

describe('Keystone v3: application credentials and token validation', () => {
  let h: SwiftHarness;
  let memberId: string;
  let memberToken: string;
  const credentials = (userId: string) => `/v3/users/${userId}/application_credentials`;
  const appCredAuth = (credential: object) => ({ auth: { identity: { methods: ['application_credential'], application_credential: credential } } });
  const issueFor = async (userId: string) => (await h.world.tokens.issue({ userId, kind: 'auth', ttlSeconds: 600 })).token;
  const create = (token: string, userId: string, body: object) => request(h.url).post(credentials(userId)).set('X-Auth-Token', token).send({ application_credential: body });
  const login = async (credential: object): Promise<string> => {
    const res = await request(h.url).post('/v3/auth/tokens').send(appCredAuth(credential)).expect(201);
    return res.headers['x-subject-token'];
  };

  beforeAll(async () => {
    h = await startSwiftHarness();
    const member = await h.world.identity.createUser({ accountId: h.world.accountId, name: 'member1', role: 'member', password: PASSWORD });
    memberId = member.id;
    memberToken = await issueFor(memberId);
  });
  afterAll(() => h?.close());

  describe('management routes', () => {
    it('creates a credential (secret answered once, generated when not given), lists, filters by name, shows it', async () => {
      const res = await create(h.token, h.world.userId, { name: 'monitoring', description: 'Application credential for monitoring.', expires_at: '2099-02-27T18:30:59' }).expect(201);
      const created = res.body.application_credential;
      expect(created).toMatchObject({
        name: 'monitoring',
        description: 'Application credential for monitoring.',
        project_id: h.world.accountId,
        unrestricted: false,
        expires_at: '2099-02-27T18:30:59.000Z',
        roles: expect.arrayContaining([{ id: 'admin', name: 'admin', domain_id: null }]),
      });
      expect(created.id).toMatch(/^[0-9a-f]{32}$/);
      expect(created.secret.length).toBeGreaterThanOrEqual(80);
      expect(created.links.self).toBe(`https://storage.example.com${credentials(h.world.userId)}/${created.id}`);

      await create(h.token, h.world.userId, { name: 'other', secret: 'my-own-secret' }).expect(201);
      const list = await request(h.url).get(credentials(h.world.userId)).set('X-Auth-Token', h.token).expect(200);
      expect(list.body.application_credentials.map((c: { name: string }) => c.name)).toEqual(['monitoring', 'other']);
      expect(JSON.stringify(list.body)).not.toContain('secret');
      const filtered = await request(h.url).get(`${credentials(h.world.userId)}?name=monitoring`).set('X-Auth-Token', h.token).expect(200);
      expect(filtered.body.application_credentials).toHaveLength(1);
      const shown = await request(h.url).get(`${credentials(h.world.userId)}/${created.id}`).set('X-Auth-Token', h.token).expect(200);
      expect(shown.body.application_credential).toMatchObject({ id: created.id, name: 'monitoring' });
      expect(shown.body.application_credential.secret).toBeUndefined();
    });

    it('answers 401 without a live token, 403 to another user, 404 for an unknown credential, in Keystone JSON', async () => {
      const missing = await request(h.url).get(credentials(h.world.userId)).expect(401);
      expectKeystoneError(missing, 401, 'Unauthorized');
      expect(missing.headers['www-authenticate']).toMatch(/^Keystone uri=/);
      expectKeystoneError(await request(h.url).get(credentials(h.world.userId)).set('X-Auth-Token', 'not-a-token'), 401, 'Unauthorized');
      expectKeystoneError(await create(memberToken, h.world.userId, { name: 'theirs' }), 403, 'Forbidden');
      expectKeystoneError(await request(h.url).get(credentials(h.world.userId)).set('X-Auth-Token', memberToken), 403, 'Forbidden');
      const mine = (await request(h.url).get(credentials(h.world.userId)).set('X-Auth-Token', h.token)).body.application_credentials[0];
      expectKeystoneError(await request(h.url).get(`${credentials(h.world.userId)}/${mine.id}`).set('X-Auth-Token', memberToken), 403, 'Forbidden');
      expectKeystoneError(await request(h.url).delete(`${credentials(h.world.userId)}/${mine.id}`).set('X-Auth-Token', memberToken), 403, 'Forbidden');
      // The member's own path does not reach the admin's credential either.
      expectKeystoneError(await request(h.url).get(`${credentials(memberId)}/${mine.id}`).set('X-Auth-Token', memberToken), 404, 'Not Found');
      expectKeystoneError(await request(h.url).get(`${credentials(h.world.userId)}/${'0'.repeat(32)}`).set('X-Auth-Token', h.token), 404, 'Not Found');
      expectKeystoneError(await request(h.url).put(credentials(h.world.userId)).set('X-Auth-Token', h.token), 405, 'Method Not Allowed');
    });

    it('refuses bad bodies with 400, a taken name with 409, a role the user lacks with 404', async () => {
      expectKeystoneError(await request(h.url).post(credentials(memberId)).set('X-Auth-Token', memberToken).send({ nothing: true }), 400, 'Bad Request');
      expectKeystoneError(await request(h.url).post(credentials(memberId)).set('X-Auth-Token', memberToken).set('Content-Type', 'application/json').send('{oops'), 400, 'Bad Request');
      expectKeystoneError(await create(memberToken, memberId, {}), 400, 'Bad Request');
      expectKeystoneError(await create(memberToken, memberId, { name: 'x', expires_at: 'tomorrow' }), 400, 'Bad Request');
      expectKeystoneError(await create(memberToken, memberId, { name: 'x', expires_at: '2001-01-01T00:00:00Z' }), 400, 'Bad Request');
      expectKeystoneError(await create(memberToken, memberId, { name: 'x', unrestricted: 'yes' }), 400, 'Bad Request');
      expectKeystoneError(await create(memberToken, memberId, { name: 'x', access_rules: [{ path: '/v1/*', method: 'GET', service: 'object-store' }] }), 400, 'Bad Request');
      expectKeystoneError(await create(memberToken, memberId, { name: 'x', roles: [{ name: 'admin' }] }), 404, 'Not Found');
      await create(memberToken, memberId, { name: 'dup', roles: [{ name: 'reader' }] }).expect(201);
      expectKeystoneError(await create(memberToken, memberId, { name: 'dup' }), 409, 'Conflict');
    });
  });

  describe('POST /v3/auth/tokens with the application_credential method', () => {
    it('authenticates by id, by name and user id, by name and user name in its domain; the token opens the account', async () => {
      const created = (await create(h.token, h.world.userId, { name: 'login-app', secret: 'login-secret' }).expect(201)).body.application_credential;
      const byId = await request(h.url).post('/v3/auth/tokens').send(appCredAuth({ id: created.id, secret: 'login-secret' })).expect(201);
      expect(byId.body.token).toMatchObject({
        methods: ['application_credential'],
        application_credential: { id: created.id, name: 'login-app', restricted: true },
        user: { id: h.world.userId, name: 'admin' },
        project: { id: h.world.accountId, name: 'swiftacct' },
      });
      // The identity service lists itself too: keystoneclient finds these APIs through it.
      expect(byId.body.token.catalog.map((s: { type: string }) => s.type)).toEqual(['object-store', 'identity']);
      const identity = byId.body.token.catalog[1].endpoints.find((e: { interface: string }) => e.interface === 'public');
      expect(identity.url).toBe('https://storage.example.com/v3');
      await request(h.url).head(h.accountPath).set('X-Auth-Token', byId.headers['x-subject-token']).expect(204);
      await login({ name: 'login-app', user: { id: h.world.userId }, secret: 'login-secret' });
      await login({ name: 'login-app', user: { name: 'admin', domain: { name: 'swiftacct' } }, secret: 'login-secret' });
      const noCatalog = await request(h.url).post('/v3/auth/tokens?nocatalog').send(appCredAuth({ id: created.id, secret: 'login-secret' })).expect(201);
      expect(noCatalog.body.token.catalog).toBeUndefined();
    });

    it('refuses a wrong secret, an unknown or expired credential with 401; a body without a secret with 400', async () => {
      const created = (await create(h.token, h.world.userId, { name: 'expiring', secret: 'expiring-secret', expires_at: '2099-01-01T00:00:00Z' }).expect(201)).body.application_credential;
      for (const credential of [{ id: created.id, secret: 'wrong' }, { id: '0'.repeat(32), secret: 'x' }, { name: 'expiring', user: { id: memberId }, secret: 'expiring-secret' }]) {
        expectKeystoneError(await request(h.url).post('/v3/auth/tokens').send(appCredAuth(credential)), 401, 'Unauthorized');
      }
      await h.world.t.db.knex('application_credentials').where({ id: created.id }).update({ expires_at: new Date(Date.now() - 1000) });
      expectKeystoneError(await request(h.url).post('/v3/auth/tokens').send(appCredAuth({ id: created.id, secret: 'expiring-secret' })), 401, 'Unauthorized');
      expectKeystoneError(await request(h.url).post('/v3/auth/tokens').send(appCredAuth({ id: created.id })), 400, 'Bad Request');
      expectKeystoneError(await request(h.url).post('/v3/auth/tokens').send({ auth: { identity: { methods: ['totp'] } } }), 401, 'Unauthorized');
      expectKeystoneError(await request(h.url).post('/v3/auth/tokens').send({ auth: { identity: { methods: [] } } }), 400, 'Bad Request');
    });

    it('deleting a credential revokes the tokens issued from it', async () => {
      const created = (await create(h.token, h.world.userId, { name: 'doomed', secret: 'doomed-secret' }).expect(201)).body.application_credential;
      const token = await login({ id: created.id, secret: 'doomed-secret' });
      await request(h.url).head(h.accountPath).set('X-Auth-Token', token).expect(204);
      await request(h.url).delete(`${credentials(h.world.userId)}/${created.id}`).set('X-Auth-Token', h.token).expect(204);
      await request(h.url).head(h.accountPath).set('X-Auth-Token', token).expect(401);
      expectKeystoneError(await request(h.url).post('/v3/auth/tokens').send(appCredAuth({ id: created.id, secret: 'doomed-secret' })), 401, 'Unauthorized');
      expectKeystoneError(await request(h.url).delete(`${credentials(h.world.userId)}/${created.id}`).set('X-Auth-Token', h.token), 404, 'Not Found');
    });

    it('a restricted credential token may not create or delete credentials, an unrestricted one may', async () => {
      const restricted = (await create(h.token, h.world.userId, { name: 'restricted', secret: 'restricted-secret' }).expect(201)).body.application_credential;
      const token = await login({ id: restricted.id, secret: 'restricted-secret' });
      expectKeystoneError(await create(token, h.world.userId, { name: 'child' }), 403, 'Forbidden');
      expectKeystoneError(await request(h.url).delete(`${credentials(h.world.userId)}/${restricted.id}`).set('X-Auth-Token', token), 403, 'Forbidden');
      await request(h.url).get(credentials(h.world.userId)).set('X-Auth-Token', token).expect(200);

      const unrestricted = (await create(h.token, h.world.userId, { name: 'unrestricted', secret: 'unrestricted-secret', unrestricted: true }).expect(201)).body.application_credential;
      const free = await login({ id: unrestricted.id, secret: 'unrestricted-secret' });
      const child = (await create(free, h.world.userId, { name: 'child' }).expect(201)).body.application_credential;
      await request(h.url).delete(`${credentials(h.world.userId)}/${child.id}`).set('X-Auth-Token', free).expect(204);
    });

    it('a token of a reader credential reads but does not write, whatever its user may do', async () => {
      await request(h.url).put(`${h.accountPath}/readable`).set('X-Auth-Token', h.token).expect(201);
      const created = (await create(h.token, h.world.userId, { name: 'read-only', secret: 'read-only-secret', roles: [{ name: 'reader' }] }).expect(201)).body.application_credential;
      expect(created.roles).toEqual([{ id: 'reader', name: 'reader', domain_id: null }]);
      const res = await request(h.url).post('/v3/auth/tokens').send(appCredAuth({ id: created.id, secret: 'read-only-secret' })).expect(201);
      expect(res.body.token.roles).toEqual([{ id: 'reader', name: 'reader' }]);
      const token = res.headers['x-subject-token'];
      await request(h.url).get(`${h.accountPath}/readable`).set('X-Auth-Token', token).expect(204);
      await request(h.url).put(`${h.accountPath}/not-writable`).set('X-Auth-Token', token).expect(403);
      // Nor can it mint a stronger credential.
      const unrestricted = (await create(h.token, h.world.userId, { name: 'reader-free', secret: 'reader-free-secret', roles: [{ name: 'reader' }], unrestricted: true }).expect(201)).body.application_credential;
      const free = await login({ id: unrestricted.id, secret: 'reader-free-secret' });
      expectKeystoneError(await create(free, h.world.userId, { name: 'escalated', roles: [{ name: 'admin' }] }), 404, 'Not Found');
    });
  });

  it('GET /v3 answers the version document keystoneauth discovers', async () => {
    const res = await request(h.url).get('/v3').expect(200);
    expect(res.body.version).toMatchObject({ id: expect.stringMatching(/^v3\./), status: 'stable', links: [{ rel: 'self', href: 'https://storage.example.com/v3/' }] });
  });

  describe('GET, HEAD and DELETE /v3/auth/tokens', () => {
    it('validates a token: 200 with its body and X-Subject-Token; HEAD 200 without a body', async () => {
      const subject = await issueFor(h.world.userId);
      const res = await request(h.url).get('/v3/auth/tokens').set('X-Auth-Token', h.token).set('X-Subject-Token', subject).expect(200);
      expect(res.headers['x-subject-token']).toBe(subject);
      expect(res.body.token).toMatchObject({ methods: ['password'], user: { id: h.world.userId }, project: { id: h.world.accountId } });
      expect(Date.parse(res.body.token.expires_at)).toBeGreaterThan(Date.now());
      const head = await request(h.url).head('/v3/auth/tokens').set('X-Auth-Token', subject).set('X-Subject-Token', subject).expect(200);
      expect(head.text ?? '').toBe('');
      const noCatalog = await request(h.url).get('/v3/auth/tokens?nocatalog').set('X-Auth-Token', h.token).set('X-Subject-Token', subject).expect(200);
      expect(noCatalog.body.token.catalog).toBeUndefined();
    });

    it('answers 404 for a token that is not live, 401 without a caller token, 400 without a subject, 403 across users', async () => {
      expectKeystoneError(await request(h.url).get('/v3/auth/tokens').set('X-Auth-Token', h.token).set('X-Subject-Token', 'garbage'), 404, 'Not Found');
      await request(h.url).head('/v3/auth/tokens').set('X-Auth-Token', h.token).set('X-Subject-Token', 'garbage').expect(404);
      expectKeystoneError(await request(h.url).get('/v3/auth/tokens').set('X-Subject-Token', h.token), 401, 'Unauthorized');
      expectKeystoneError(await request(h.url).get('/v3/auth/tokens').set('X-Auth-Token', h.token), 400, 'Bad Request');
      expectKeystoneError(await request(h.url).get('/v3/auth/tokens').set('X-Auth-Token', memberToken).set('X-Subject-Token', h.token), 403, 'Forbidden');
      expectKeystoneError(await request(h.url).delete('/v3/auth/tokens').set('X-Auth-Token', memberToken).set('X-Subject-Token', h.token), 403, 'Forbidden');
      // An admin of the account may look at its members' tokens.
      await request(h.url).get('/v3/auth/tokens').set('X-Auth-Token', h.token).set('X-Subject-Token', memberToken).expect(200);
      expectKeystoneError(await request(h.url).put('/v3/auth/tokens').set('X-Auth-Token', h.token), 405, 'Method Not Allowed');
    });

    it('revokes: 204, then the token is refused on /v1 (401) and is no longer found (404)', async () => {
      const own = (await request(h.url).post('/v3/auth/tokens').send({ auth: { identity: { methods: ['password'], password: { user: { id: memberId, password: PASSWORD } } } } }).expect(201)).headers['x-subject-token'];
      await request(h.url).head(h.accountPath).set('X-Auth-Token', own).expect(204);
      // A caller revokes its own token with itself.
      await request(h.url).delete('/v3/auth/tokens').set('X-Auth-Token', own).set('X-Subject-Token', own).expect(204);
      await request(h.url).head(h.accountPath).set('X-Auth-Token', own).expect(401);
      expectKeystoneError(await request(h.url).delete('/v3/auth/tokens').set('X-Auth-Token', h.token).set('X-Subject-Token', own), 404, 'Not Found');
      // An admin revokes a member's token.
      const members = await issueFor(memberId);
      await request(h.url).delete('/v3/auth/tokens').set('X-Auth-Token', h.token).set('X-Subject-Token', members).expect(204);
      await request(h.url).get(h.accountPath).set('X-Auth-Token', members).expect(401);
    });
  });
});
