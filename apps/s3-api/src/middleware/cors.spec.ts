// The CORS middleware against a fake downstream and a fake core: what it adds to whatever the
// handlers answer, and how it answers preflights itself.
import express, { ErrorRequestHandler, Express } from 'express';
import request from 'supertest';
import { BucketRecord, CorsConfiguration, GatewayError, Storage } from '@gw/core';
import { noteRequestFacts } from '../routing/request-facts';
import { s3Cors } from './cors';

const ACCOUNT = 'a'.repeat(32);
const CORS: CorsConfiguration = {
  rules: [
    { allowedOrigins: ['https://app.example.com'], allowedMethods: ['GET', 'PUT'], allowedHeaders: ['content-type'], exposeHeaders: ['ETag', 'x-amz-request-id'], maxAgeSeconds: 300 },
    { allowedOrigins: ['*'], allowedMethods: ['HEAD'], allowedHeaders: [], exposeHeaders: [] },
  ],
};
const bucket = (name: string, cors?: CorsConfiguration): BucketRecord =>
  ({ id: 1, accountId: ACCOUNT, name, region: 'r', versioning: 'Unversioned', objectCount: 0, bytesUsed: 0, meta: {}, cors, createdAt: new Date() }) as BucketRecord;
const BUCKETS: Record<string, BucketRecord> = { shared: bucket('shared', CORS), plain: bucket('plain') };

const storage = {
  buckets: {
    get: async (accountId: string, name: string) => {
      const found = accountId === ACCOUNT ? BUCKETS[name] : undefined;
      if (!found) throw new GatewayError('NoSuchBucket');
      return found;
    },
    // Every name here is unique across accounts but `ambiguous` (as if two accounts had one).
    findUnique: async (name: string) => (name === 'ambiguous' ? undefined : BUCKETS[name]),
  },
} as unknown as Storage;

/** The middleware in front of a downstream that loads `?bucket=` like the request lifecycle and answers 200 (or `?fail`). */
function appWithDownstream(): Express {
  const app = express();
  app.use(s3Cors({ storage }));
  app.use((req, res, next) => {
    const name = String(req.query.bucket ?? '');
    if (BUCKETS[name]) noteRequestFacts(res, { bucket: BUCKETS[name] });
    if (req.query.fail !== undefined) return next(new GatewayError('NoSuchKey'));
    res.write('streamed ');
    res.end('body');
  });
  const errors: ErrorRequestHandler = (error: GatewayError, _req, res, _next) => {
    res.status(error.status).json({ code: error.code, message: error.message, details: error.details });
  };
  app.use(errors);
  return app;
}

describe('s3Cors', () => {
  const app = appWithDownstream();

  describe('actual requests', () => {
    it('adds the matching rule\'s headers and Vary: Origin to a streamed answer', async () => {
      const res = await request(app).get('/shared/k?bucket=shared').set('Origin', 'https://app.example.com');
      expect(res.status).toBe(200);
      expect(res.text).toBe('streamed body');
      expect(res.headers).toMatchObject({
        'access-control-allow-origin': 'https://app.example.com',
        'access-control-allow-credentials': 'true',
        'access-control-allow-methods': 'GET, PUT',
        'access-control-expose-headers': 'ETag, x-amz-request-id',
        'access-control-max-age': '300',
        vary: 'Origin',
      });
      expect(res.headers['access-control-allow-headers']).toBeUndefined();
    });

    it('adds them to error answers too', async () => {
      const res = await request(app).get('/shared/k?bucket=shared&fail').set('Origin', 'https://app.example.com');
      expect(res.status).toBe(404);
      expect(res.headers['access-control-allow-origin']).toBe('https://app.example.com');
    });

    it('answers * without credentials for a rule that allows any origin', async () => {
      const res = await request(app).head('/shared/k?bucket=shared').set('Origin', 'https://elsewhere.test');
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    });

    it('sends only Vary when the origin, or the method, matches no rule, or there is no Origin', async () => {
      for (const res of [
        await request(app).get('/shared/k?bucket=shared').set('Origin', 'https://elsewhere.test'),
        await request(app).delete('/shared/k?bucket=shared').set('Origin', 'https://app.example.com'),
        await request(app).get('/shared/k?bucket=shared'),
      ]) {
        expect(res.headers.vary).toBe('Origin');
        expect(res.headers['access-control-allow-origin']).toBeUndefined();
      }
    });

    it('adds them to an answer given before the lifecycle loaded the bucket, from the URL\'s bucket', async () => {
      for (const path of [`/${ACCOUNT}:shared/k?fail`, '/shared/k?fail']) {
        const res = await request(app).get(path).set('Origin', 'https://app.example.com');
        expect(res.status).toBe(404);
        expect(res.headers).toMatchObject({ 'access-control-allow-origin': 'https://app.example.com', vary: 'Origin' });
      }
    });

    it('adds nothing for a bucket without CORS rules, or one the URL does not tell', async () => {
      for (const path of ['/plain/k?bucket=plain', '/nowhere/k', '/ambiguous/k', `/${ACCOUNT}:nowhere/k`]) {
        const res = await request(app).get(path).set('Origin', 'https://app.example.com');
        expect(res.headers.vary).toBeUndefined();
        expect(res.headers['access-control-allow-origin']).toBeUndefined();
      }
    });
  });

  describe('preflights', () => {
    const preflight = (path: string, headers: Record<string, string>) => {
      let test = request(app).options(path);
      for (const [name, value] of Object.entries(headers)) test = test.set(name, value);
      return test;
    };
    const asked = { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'Content-Type' };

    it('answers 200 with the rule\'s headers, never reaching the downstream', async () => {
      const res = await preflight(`/${ACCOUNT}:shared/photo.jpg`, asked);
      expect(res.status).toBe(200);
      expect(res.text).toBe('');
      expect(res.headers).toMatchObject({
        'access-control-allow-origin': 'https://app.example.com',
        'access-control-allow-credentials': 'true',
        'access-control-allow-methods': 'GET, PUT',
        'access-control-allow-headers': 'Content-Type',
        'access-control-expose-headers': 'ETag, x-amz-request-id',
        'access-control-max-age': '300',
        vary: 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method',
        'content-length': '0',
      });
    });

    it.each<[string, string, Record<string, string>, number, string, string | RegExp]>([
      ['no Origin', `/${ACCOUNT}:shared/k`, { 'Access-Control-Request-Method': 'GET' }, 400, 'BadRequest', 'Insufficient information. Origin request header needed.'],
      ['no method', `/${ACCOUNT}:shared/k`, { Origin: 'https://app.example.com' }, 400, 'BadRequest', 'Invalid Access-Control-Request-Method: null'],
      ['a method CORS does not know', `/${ACCOUNT}:shared/k`, { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'PATCH' }, 400, 'BadRequest', 'Invalid Access-Control-Request-Method: PATCH'],
      ['a bucket name no account or several accounts have', '/ambiguous/k', asked, 403, 'AccessForbidden', 'CORSResponse: CORS is not enabled for this bucket.'],
      ['an unknown bucket', `/${ACCOUNT}:missing/k`, asked, 404, 'NoSuchBucket', /bucket/],
      ['a bucket without CORS', `/${ACCOUNT}:plain/k`, asked, 403, 'AccessForbidden', 'CORSResponse: CORS is not enabled for this bucket.'],
      ['a header no rule allows', `/${ACCOUNT}:shared/k`, { ...asked, 'Access-Control-Request-Headers': 'Content-Type, X-Secret' }, 403, 'AccessForbidden', /^CORSResponse: This CORS request is not allowed/],
      ['the service', '/', asked, 405, 'MethodNotAllowed', /method/],
    ])('refuses %s', async (_name, path, headers, status, code, message) => {
      const res = await preflight(path, headers);
      expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
      if (typeof message === 'string') expect(res.body.message).toBe(message);
      else expect(res.body.message).toMatch(message);
    });

    it('resolves a bucket named without its account when its name is unique across accounts', async () => {
      const res = await preflight('/shared/photo.jpg', asked);
      expect(res.status).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBe('https://app.example.com');
    });

    it('says which method and resource type a refused preflight was about', async () => {
      const onBucket = await preflight(`/${ACCOUNT}:plain`, asked);
      expect(onBucket.body.details).toEqual({ Method: 'PUT', ResourceType: 'BUCKET' });
      const onObject = await preflight(`/${ACCOUNT}:shared/k`, { Origin: 'https://other.test', 'Access-Control-Request-Method': 'GET' });
      expect(onObject.body.details).toEqual({ Method: 'GET', ResourceType: 'OBJECT' });
    });
  });
});
