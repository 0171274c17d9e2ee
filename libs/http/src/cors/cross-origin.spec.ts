// The shared CORS middleware against a fake dialect and a fake downstream: preflight answers and
// refusals, and the headers it adds to whatever the downstream answers (streamed, error, early).
import express, { ErrorRequestHandler, Express } from 'express';
import request from 'supertest';
import { BucketRecord, CorsConfiguration, GatewayError } from '@gw/core';
import { crossOrigin, CorsDialect, UrlBucket } from './cross-origin';
import type { PreflightRefusal } from './preflight';

const APP = 'https://app.example.com';
const CORS: CorsConfiguration = {
  rules: [{ allowedOrigins: [APP], allowedMethods: ['GET', 'PUT'], allowedHeaders: ['x-auth-token'], exposeHeaders: ['ETag'], maxAgeSeconds: 60 }],
};
const bucket = (name: string, cors?: CorsConfiguration) => ({ id: name.length, name, cors }) as unknown as BucketRecord;
const BUCKETS: Record<string, BucketRecord> = { web: bucket('web', CORS), plain: bucket('plain'), other: bucket('other', { rules: [{ ...CORS.rules[0], allowedOrigins: ['https://other.test'] }] }) };

/** Paths are `/{bucket}/...`; `/` names none; `?loaded=other` makes the lifecycle load `other`; `?fail` answers an error. */
function appWith(refusals: PreflightRefusal[], lookups: string[]): Express {
  const dialect: CorsDialect = {
    async bucketOfUrl(req): Promise<UrlBucket> {
      lookups.push(req.path);
      const name = req.path.split('/')[1];
      if (!name) return { kind: 'none' };
      if (name === 'broken') throw new Error('database down');
      return BUCKETS[name] ? { kind: 'bucket', bucket: BUCKETS[name] } : { kind: 'unknown' };
    },
    loadedBucket: (res) => BUCKETS[String(res.locals.loaded)],
    refusePreflight(refusal) {
      refusals.push(refusal);
      throw new GatewayError('AccessForbidden');
    },
    setCommonHeaders: (res) => res.setHeader('X-Request-Id', 'r1'),
  };
  const app = express();
  app.use(crossOrigin(dialect));
  app.use((req, res, next) => {
    res.locals.loaded = req.query.loaded;
    if (req.query.fail !== undefined) return next(new GatewayError('NoSuchKey'));
    res.write('streamed ');
    setTimeout(() => res.end('body'), 5);
  });
  const errors: ErrorRequestHandler = (error: GatewayError, _req, res, _next) => {
    res.status(error.status).json({ code: error.code });
  };
  app.use(errors);
  return app;
}

describe('crossOrigin', () => {
  let refusals: PreflightRefusal[];
  let lookups: string[];
  let app: Express;
  beforeEach(() => {
    refusals = [];
    lookups = [];
    app = appWith(refusals, lookups);
  });
  const preflight = (path: string, headers: Record<string, string>) => {
    let test = request(app).options(path);
    for (const [name, value] of Object.entries(headers)) test = test.set(name, value);
    return test;
  };
  const asked = { Origin: APP, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'X-Auth-Token' };

  describe('preflights', () => {
    it('answers a matching preflight itself: 200, empty, the rule\'s headers and the dialect\'s common headers', async () => {
      const res = await preflight('/web/k', asked).expect(200);
      expect(res.text).toBe('');
      expect(res.headers).toMatchObject({
        'access-control-allow-origin': APP,
        'access-control-allow-credentials': 'true',
        'access-control-allow-methods': 'GET, PUT',
        'access-control-allow-headers': 'X-Auth-Token',
        'access-control-expose-headers': 'ETag',
        'access-control-max-age': '60',
        vary: 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method',
        'content-length': '0',
        'x-request-id': 'r1',
      });
    });

    it.each<[string, string, Record<string, string>, PreflightRefusal]>([
      ['no Origin', '/web/k', { 'Access-Control-Request-Method': 'GET' }, { reason: 'no-origin' }],
      ['no method', '/web/k', { Origin: APP }, { reason: 'bad-method' }],
      ['a path naming no bucket', '/', asked, { reason: 'no-bucket', method: 'PUT' }],
      ['an unknown bucket', '/nowhere/k', asked, { reason: 'unknown-bucket', method: 'PUT' }],
      ['a bucket without rules', '/plain/k', asked, { reason: 'no-cors', method: 'PUT' }],
      ['a header no rule allows', '/web/k', { ...asked, 'Access-Control-Request-Headers': 'X-Auth-Token, X-Secret' }, { reason: 'no-match', method: 'PUT' }],
    ])('hands %s to the dialect to refuse, with no CORS headers', async (_name, path, headers, refusal) => {
      const res = await preflight(path, headers).expect(403);
      expect(refusals).toEqual([refusal]);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('looks no bucket up for a malformed preflight', async () => {
      await preflight('/web/k', { Origin: APP }).expect(403);
      expect(lookups).toEqual([]);
    });

    it('passes a failed lookup on as an error', async () => {
      await preflight('/broken/k', asked).expect(500);
    });
  });

  describe('actual requests', () => {
    it('adds the matching rule\'s headers to a streamed answer', async () => {
      const res = await request(app).get('/web/k').set('Origin', APP).expect(200);
      expect(res.text).toBe('streamed body');
      expect(res.headers).toMatchObject({ 'access-control-allow-origin': APP, 'access-control-allow-methods': 'GET, PUT', 'access-control-expose-headers': 'ETag', vary: 'Origin' });
      expect(res.headers['access-control-allow-headers']).toBeUndefined();
    });

    it('adds them to error answers', async () => {
      const res = await request(app).put('/web/k?fail').set('Origin', APP).expect(404);
      expect(res.headers['access-control-allow-origin']).toBe(APP);
    });

    it('prefers the bucket the lifecycle loaded over the URL\'s', async () => {
      const res = await request(app).get('/web/k?loaded=other').set('Origin', APP).expect(200);
      expect(res.headers.vary).toBe('Origin');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      const other = await request(app).get('/web/k?loaded=other').set('Origin', 'https://other.test').expect(200);
      expect(other.headers['access-control-allow-origin']).toBe('https://other.test');
    });

    it('sends Vary alone for another origin or method; nothing without rules or a known bucket; a failed lookup is no error', async () => {
      for (const res of [await request(app).get('/web/k').set('Origin', 'https://evil.test'), await request(app).delete('/web/k').set('Origin', APP)]) {
        expect(res.headers.vary).toBe('Origin');
        expect(res.headers['access-control-allow-origin']).toBeUndefined();
      }
      for (const path of ['/plain/k', '/nowhere/k', '/', '/broken/k']) {
        const res = await request(app).get(path).set('Origin', APP).expect(200);
        expect(res.headers.vary).toBeUndefined();
        expect(res.headers['access-control-allow-origin']).toBeUndefined();
      }
    });

    it('looks the URL\'s bucket up only for a request with an Origin', async () => {
      await request(app).get('/web/k').expect(200);
      expect(lookups).toEqual([]);
    });
  });
});
