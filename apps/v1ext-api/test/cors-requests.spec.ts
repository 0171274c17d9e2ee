// CORS on the /v1_ext wire: preflights on `/v1_ext/bucket/:name` and below, answered from the
// bucket's rules (found by its name alone: a preflight carries no token), refusals in the
// dialect's JSON, and the Access-Control-* headers on actual answers, errors included.
import request from 'supertest';
import type { CorsConfiguration } from '@gw/core';
import { startV1extHarness, V1extHarness } from './v1ext-harness';

const APP = 'https://www.example1.com';
const RULES: CorsConfiguration = {
  rules: [{ allowedOrigins: [APP], allowedMethods: ['PUT', 'GET'], allowedHeaders: ['*'], exposeHeaders: [], maxAgeSeconds: 10 }],
};

describe('/v1_ext wire: CORS requests', () => {
  let h: V1extHarness;
  beforeAll(async () => {
    h = await startV1extHarness();
    const { storage, accountId } = h.world;
    for (const name of ['cors-web', 'cors-plain', 'cors-twice']) await storage.buckets.create({ accountId, name });
    for (const name of ['cors-web', 'cors-twice']) await storage.bucketConfig.putCors(await storage.buckets.get(accountId, name), RULES);
    // Another project has a bucket of the same name: the name alone no longer tells which.
    const other = await storage.accounts.create({ name: 'other-project' });
    await storage.buckets.create({ accountId: other.id, name: 'cors-twice' });
  });
  afterAll(() => h?.close());
  const preflight = (path: string, headers: Record<string, string>) => {
    let test = request(h.url).options(path);
    for (const [name, value] of Object.entries(headers)) test = test.set(name, value);
    return test;
  };
  const asked = { Origin: APP, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'X-Auth-Token,Content-Type' };
  const noCorsHeaders = (headers: Record<string, string>) =>
    expect(Object.keys(headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);

  describe('preflight', () => {
    it('answers with the matching rule\'s headers on the bucket and the paths below it', async () => {
      for (const path of ['/v1_ext/bucket/cors-web', '/v1_ext/bucket/cors-web/cors', '/v1_ext/bucket/cors-web/policy/1', '/v1_ext/cors-web']) {
        const res = await preflight(path, asked).expect(200);
        expect(res.headers).toMatchObject({
          'content-length': '0',
          'access-control-allow-origin': APP,
          'access-control-allow-credentials': 'true',
          'access-control-allow-methods': 'PUT, GET',
          'access-control-allow-headers': 'X-Auth-Token, Content-Type',
          'access-control-max-age': '10',
          vary: 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method',
        });
      }
    });

    it.each<[string, string, Record<string, string>, number, string, string | RegExp]>([
      ['an origin no rule allows', '/v1_ext/bucket/cors-web', { ...asked, Origin: 'https://evil.test' }, 403, 'AccessForbidden', /^CORSResponse: This CORS request is not allowed/],
      ['a method no rule allows', '/v1_ext/bucket/cors-web', { ...asked, 'Access-Control-Request-Method': 'DELETE' }, 403, 'AccessForbidden', /^CORSResponse: This CORS request is not allowed/],
      ['a bucket without CORS rules', '/v1_ext/bucket/cors-plain', asked, 403, 'AccessForbidden', 'CORSResponse: CORS is not enabled for this bucket.'],
      ['a bucket that does not exist', '/v1_ext/bucket/nothing-here', asked, 403, 'AccessForbidden', 'CORSResponse: CORS is not enabled for this bucket.'],
      ['a name two projects have', '/v1_ext/bucket/cors-twice', asked, 403, 'AccessForbidden', 'CORSResponse: CORS is not enabled for this bucket.'],
      ['the bucket collection', '/v1_ext/bucket', asked, 403, 'AccessForbidden', 'CORSResponse: CORS is not enabled for this bucket.'],
      ['no Origin', '/v1_ext/bucket/cors-web', { 'Access-Control-Request-Method': 'GET' }, 400, 'BadRequest', 'Insufficient information. Origin request header needed.'],
      ['no Access-Control-Request-Method', '/v1_ext/bucket/cors-web', { Origin: APP }, 400, 'BadRequest', 'Invalid Access-Control-Request-Method: null'],
      ['a method CORS does not know', '/v1_ext/bucket/cors-web', { ...asked, 'Access-Control-Request-Method': 'PATCH' }, 400, 'BadRequest', 'Invalid Access-Control-Request-Method: PATCH'],
    ])('refuses %s in JSON, with no CORS headers', async (_name, path, headers, status, code, message) => {
      const res = await preflight(path, headers).expect(status);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body.code).toBe(code);
      if (typeof message === 'string') expect(res.body.message).toBe(message);
      else expect(res.body.message).toMatch(message);
      noCorsHeaders(res.headers);
    });
  });

  describe('actual requests', () => {
    it('a matching Origin gets the headers on success and on errors (bad token, missing document)', async () => {
      const responses = [
        await request(h.url).get('/v1_ext/bucket/cors-web').set('X-Auth-Token', h.tokens.admin).set('Origin', APP),
        await request(h.url).get('/v1_ext/bucket/cors-web').set('X-Auth-Token', 'garbage').set('Origin', APP).expect(401),
        await request(h.url).get('/v1_ext/bucket/cors-web/lifecycle').set('X-Auth-Token', h.tokens.admin).set('Origin', APP),
      ];
      expect(responses[0].status).toBe(200);
      expect(responses[2].status).toBeGreaterThanOrEqual(400);
      for (const res of responses) {
        expect(res.headers).toMatchObject({ 'access-control-allow-origin': APP, 'access-control-allow-methods': 'PUT, GET', vary: 'Origin' });
      }
    });

    it('another origin gets Vary alone; a bucket without rules gets nothing', async () => {
      const other = await request(h.url).get('/v1_ext/bucket/cors-web').set('X-Auth-Token', h.tokens.admin).set('Origin', 'https://evil.test');
      expect(other.headers.vary).toBe('Origin');
      noCorsHeaders(other.headers);
      const plain = await request(h.url).get('/v1_ext/bucket/cors-plain').set('X-Auth-Token', h.tokens.admin).set('Origin', APP);
      expect(plain.headers.vary).toBeUndefined();
      noCorsHeaders(plain.headers);
    });

    it('a name two projects have: the caller\'s own bucket answers (its rules once loaded; none for a bad token)', async () => {
      const own = await request(h.url).get('/v1_ext/bucket/cors-twice').set('X-Auth-Token', h.tokens.admin).set('Origin', APP).expect(200);
      expect(own.headers).toMatchObject({ 'access-control-allow-origin': APP, vary: 'Origin' });
      const refused = await request(h.url).get('/v1_ext/bucket/cors-twice').set('X-Auth-Token', 'garbage').set('Origin', APP).expect(401);
      noCorsHeaders(refused.headers);
    });
  });
});
