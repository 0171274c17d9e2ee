// CORS on the Swift wire (KakaoCloud "CORS preflight request" / "Requests other than CORS
// preflight" on /v1/:account/:container[/*object]): preflights answered from the container's
// rules (set through the core, as /v1_ext and S3 set them), refusals as Swift's proxy gives
// them, and the Access-Control-* headers on actual answers, streamed bodies and errors included.
import request from 'supertest';
import type { CorsConfiguration } from '@gw/core';
import { startSwiftHarness, SwiftHarness } from './swift-harness';

const APP = 'https://www.example1.com';
const RULES: CorsConfiguration = {
  rules: [
    { allowedOrigins: [APP], allowedMethods: ['PUT', 'GET'], allowedHeaders: ['*'], exposeHeaders: ['X-Object-Meta-User-Defined'], maxAgeSeconds: 10 },
    { allowedOrigins: ['https://*.example2.com'], allowedMethods: ['DELETE'], allowedHeaders: [], exposeHeaders: [] },
  ],
};

describe('Swift wire: CORS', () => {
  let h: SwiftHarness;
  beforeAll(async () => {
    h = await startSwiftHarness();
    for (const container of ['web', 'plain']) await request(h.url).put(`${h.accountPath}/${container}`).set(auth()).expect(201);
    await h.world.storage.bucketConfig.putCors(await h.world.storage.buckets.get(h.world.accountId, 'web'), RULES);
    await request(h.url).put(`${h.accountPath}/web/test.txt`).set(auth()).send('0123456789').expect(201);
    await request(h.url).put(`${h.accountPath}/plain/test.txt`).set(auth()).send('0123456789').expect(201);
  });
  afterAll(() => h?.close());
  const auth = () => ({ 'X-Auth-Token': h.token });
  const preflight = (path: string, headers: Record<string, string>) => {
    let test = request(h.url).options(path);
    for (const [name, value] of Object.entries(headers)) test = test.set(name, value);
    return test;
  };
  const asked = { Origin: APP, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'X-Auth-Token,Content-Type' };
  const noCorsHeaders = (headers: Record<string, string>) =>
    expect(Object.keys(headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);

  describe('preflight', () => {
    it('answers the spec\'s example with the matching rule\'s headers, on the container and its objects', async () => {
      for (const path of [`${h.accountPath}/web/test.txt`, `/v1/${h.world.accountId}/web`]) {
        const res = await preflight(path, asked).expect(200);
        expect(res.text).toBe('');
        expect(res.headers).toMatchObject({
          'content-length': '0',
          'access-control-allow-origin': APP,
          'access-control-allow-credentials': 'true',
          'access-control-allow-methods': 'PUT, GET',
          'access-control-allow-headers': 'X-Auth-Token, Content-Type',
          'access-control-expose-headers': 'X-Object-Meta-User-Defined',
          'access-control-max-age': '10',
          vary: 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method',
        });
        expect(res.headers['x-trans-id']).toMatch(/^tx/);
      }
      const wildcard = await preflight(`${h.accountPath}/web/x`, { Origin: 'https://a.example2.com', 'Access-Control-Request-Method': 'DELETE' }).expect(200);
      expect(wildcard.headers['access-control-allow-origin']).toBe('https://a.example2.com');
    });

    it.each<[string, string, Record<string, string>]>([
      ['an origin no rule allows', '/web/test.txt', { ...asked, Origin: 'https://evil.test' }],
      ['a method no rule allows for the origin', '/web/test.txt', { ...asked, 'Access-Control-Request-Method': 'DELETE' }],
      ['a method CORS does not know', '/web/test.txt', { ...asked, 'Access-Control-Request-Method': 'PATCH' }],
      ['no Access-Control-Request-Method', '/web/test.txt', { Origin: APP }],
      ['a container without CORS rules', '/plain/test.txt', asked],
      ['a container that does not exist', '/nothing/test.txt', asked],
    ])('refuses %s with 401 and no CORS headers', async (_name, path, headers) => {
      const res = await preflight(`${h.accountPath}${path}`, headers).expect(401);
      noCorsHeaders(res.headers);
    });

    it('refuses a preflight on an unknown account with 401', async () => {
      noCorsHeaders((await preflight(`/v1/AUTH_${'0'.repeat(32)}/web/test.txt`, asked).expect(401)).headers);
    });

    it('answers OPTIONS without Origin, or on the account, as no preflight: 200 with Allow and no CORS headers', async () => {
      for (const res of [await preflight(`${h.accountPath}/web/test.txt`, {}).expect(200), await preflight(h.accountPath, asked).expect(200)]) {
        expect(res.headers.allow).toBe('HEAD, GET, PUT, POST, DELETE, OPTIONS');
        noCorsHeaders(res.headers);
      }
    });
  });

  describe('actual requests', () => {
    it('a matching Origin gets the headers on a streamed GET and on a PUT', async () => {
      const got = await request(h.url).get(`${h.accountPath}/web/test.txt`).set(auth()).set('Origin', APP).expect(200);
      expect(got.text).toBe('0123456789');
      expect(got.headers).toMatchObject({
        'access-control-allow-origin': APP,
        'access-control-allow-credentials': 'true',
        'access-control-allow-methods': 'PUT, GET',
        'access-control-expose-headers': 'X-Object-Meta-User-Defined',
        vary: 'Origin',
      });
      expect(got.headers['access-control-allow-headers']).toBeUndefined();
      const put = await request(h.url).put(`${h.accountPath}/web/new.txt`).set(auth()).set('Origin', APP).send('x').expect(201);
      expect(put.headers['access-control-allow-origin']).toBe(APP);
    });

    it('errors carry them too: a missing object, a missing token, a bad token', async () => {
      for (const res of [
        await request(h.url).get(`${h.accountPath}/web/missing.txt`).set(auth()).set('Origin', APP).expect(404),
        await request(h.url).get(`${h.accountPath}/web/test.txt`).set('Origin', APP).expect(401),
        await request(h.url).get(`${h.accountPath}/web/test.txt`).set('X-Auth-Token', 'garbage').set('Origin', APP).expect(401),
      ]) {
        expect(res.headers['access-control-allow-origin']).toBe(APP);
        expect(res.headers.vary).toBe('Origin');
      }
    });

    it('another origin, a method no rule allows, or a container without rules: no Access-Control-* headers', async () => {
      const other = await request(h.url).get(`${h.accountPath}/web/test.txt`).set(auth()).set('Origin', 'https://evil.test').expect(200);
      expect(other.headers.vary).toBe('Origin');
      noCorsHeaders(other.headers);
      const head = await request(h.url).head(`${h.accountPath}/web/test.txt`).set(auth()).set('Origin', APP).expect(200);
      noCorsHeaders(head.headers);
      const plain = await request(h.url).get(`${h.accountPath}/plain/test.txt`).set(auth()).set('Origin', APP).expect(200);
      noCorsHeaders(plain.headers);
      expect(plain.headers.vary).toBeUndefined();
      const noOrigin = await request(h.url).get(`${h.accountPath}/web/test.txt`).set(auth()).expect(200);
      noCorsHeaders(noOrigin.headers);
    });
  });
});
