// CORS on the wire: Put/Get/DeleteBucketCors and S3's errors, preflight OPTIONS on
// `/{accountId}:{bucket}[/key]` (anonymous, as browsers send them), and the Access-Control-*
// and Vary headers on the answers of a bucket with CORS rules, errors included.
import { createBucket, md5Base64, putObject, s3Error, send, startS3Harness, S3Harness } from './s3-harness';

const NS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const DECL = '<?xml version="1.0" encoding="UTF-8"?>';
const APP = 'https://app.example.com';

const corsConfiguration = (...rules: string[]) => `<CORSConfiguration xmlns="${NS}">${rules.join('')}</CORSConfiguration>`;
const APP_RULE =
  '<CORSRule><ID>app</ID><AllowedHeader>content-type</AllowedHeader><AllowedHeader>x-amz-*</AllowedHeader><AllowedMethod>GET</AllowedMethod><AllowedMethod>PUT</AllowedMethod>' +
  `<AllowedOrigin>${APP}</AllowedOrigin><ExposeHeader>ETag</ExposeHeader><ExposeHeader>x-amz-request-id</ExposeHeader><MaxAgeSeconds>600</MaxAgeSeconds></CORSRule>`;
const ANYONE_RULE = '<CORSRule><AllowedMethod>HEAD</AllowedMethod><AllowedOrigin>*</AllowedOrigin></CORSRule>';

describe('S3 wire: CORS', () => {
  let h: S3Harness;
  beforeAll(async () => (h = await startS3Harness()));
  afterAll(async () => {
    await h?.close();
  });

  let seq = 0;
  async function newBucket(rules?: string[]): Promise<string> {
    const name = `cors-${++seq}`;
    await createBucket(h, name);
    if (rules) expect((await putCors(name, corsConfiguration(...rules))).status).toBe(200);
    return name;
  }
  const putCors = (bucket: string, body: string) => send(h, 'PUT', `/${bucket}?cors`, { body, headers: { 'Content-MD5': md5Base64(body) } });

  describe('PutBucketCors, GetBucketCors, DeleteBucketCors', () => {
    it('store the rules, answer them, and remove them', async () => {
      const bucket = await newBucket();
      const missing = await send(h, 'GET', `/${bucket}?cors`);
      expect(missing.status).toBe(404);
      expect(s3Error(missing)).toMatchObject({ code: 'NoSuchCORSConfiguration', message: 'The CORS configuration does not exist' });

      const put = await putCors(bucket, corsConfiguration(APP_RULE, ANYONE_RULE));
      expect(put.status).toBe(200);
      expect(put.body.length).toBe(0);
      const got = await send(h, 'GET', `/${bucket}?cors`);
      expect(got.status).toBe(200);
      expect(got.headers['content-type']).toBe('application/xml');
      expect(got.text).toBe(DECL + corsConfiguration(APP_RULE, ANYONE_RULE));

      expect((await send(h, 'DELETE', `/${bucket}?cors`)).status).toBe(204);
      expect((await send(h, 'GET', `/${bucket}?cors`)).status).toBe(404);
      expect((await send(h, 'DELETE', `/${bucket}?cors`)).status).toBe(204);
    });

    const rule = (inner: string) => corsConfiguration(`<CORSRule>${inner}</CORSRule>`);
    it.each([
      ['no document', '', 'MissingRequestBodyError', undefined],
      ['a document that is not XML', '<CORSConfiguration><CORSRule>', 'MalformedXML', undefined],
      ['no rule', corsConfiguration(), 'MalformedXML', undefined],
      ['a rule without an origin', rule('<AllowedMethod>GET</AllowedMethod>'), 'MalformedXML', undefined],
      ['a rule without a method', rule(`<AllowedOrigin>${APP}</AllowedOrigin>`), 'MalformedXML', undefined],
      ['an element S3 does not know', rule(`<AllowedOrigin>${APP}</AllowedOrigin><AllowedMethod>GET</AllowedMethod><AllowedMethods>PUT</AllowedMethods>`), 'MalformedXML', undefined],
      ['MaxAgeSeconds that is not a number', rule(`<AllowedOrigin>${APP}</AllowedOrigin><AllowedMethod>GET</AllowedMethod><MaxAgeSeconds>long</MaxAgeSeconds>`), 'MalformedXML', undefined],
      ['a method CORS cannot allow', rule(`<AllowedOrigin>${APP}</AllowedOrigin><AllowedMethod>PATCH</AllowedMethod>`), 'InvalidRequest', 'Found unsupported HTTP method in CORS config. Unsupported method is PATCH'],
      ['an origin with two wildcards', rule('<AllowedOrigin>https://*.*.example.com</AllowedOrigin><AllowedMethod>GET</AllowedMethod>'), 'InvalidRequest', 'AllowedOrigin "https://*.*.example.com" can not have more than one wildcard.'],
      ['101 rules', corsConfiguration(...Array.from({ length: 101 }, () => ANYONE_RULE)), 'InvalidRequest', undefined],
    ])('refuses %s', async (_name, body, code, message) => {
      const bucket = await newBucket();
      const res = await putCors(bucket, body);
      const error = s3Error(res);
      expect({ status: res.status, code: error.code }).toEqual({ status: 400, code });
      if (message) expect(error.message).toBe(message);
      expect((await send(h, 'GET', `/${bucket}?cors`)).status).toBe(404);
    });

    it('refuses a body whose Content-MD5 does not match', async () => {
      const bucket = await newBucket();
      const res = await send(h, 'PUT', `/${bucket}?cors`, { body: corsConfiguration(ANYONE_RULE), headers: { 'Content-MD5': md5Base64('other') } });
      expect(s3Error(res).code).toBe('BadDigest');
    });
  });

  describe('preflight', () => {
    const preflight = (path: string, headers: Record<string, string>) => send(h, 'OPTIONS', path, { anonymous: true, headers });

    it('answers an allowed preflight with the headers of the matching rule, without credentials', async () => {
      const bucket = await newBucket([APP_RULE, ANYONE_RULE]);
      const res = await preflight(`/${h.accountId}:${bucket}/photos/cat.jpg`, {
        Origin: APP,
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'content-type,x-amz-date',
      });
      expect(res.status).toBe(200);
      expect(res.body.length).toBe(0);
      expect(res.headers).toMatchObject({
        'access-control-allow-origin': APP,
        'access-control-allow-credentials': 'true',
        'access-control-allow-methods': 'GET, PUT',
        'access-control-allow-headers': 'content-type, x-amz-date',
        'access-control-expose-headers': 'ETag, x-amz-request-id',
        'access-control-max-age': '600',
        vary: 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method',
      });
      expect(res.headers['x-amz-request-id']).toMatch(/^[0-9A-F]{16}$/);

      const anyone = await preflight(`/${h.accountId}:${bucket}`, { Origin: 'https://elsewhere.test', 'Access-Control-Request-Method': 'HEAD' });
      expect(anyone.status).toBe(200);
      expect(anyone.headers['access-control-allow-origin']).toBe('*');
      expect(anyone.headers['access-control-allow-credentials']).toBeUndefined();
    });

    it('resolves a bucket named without its account (path style) when no other account has that name', async () => {
      const bucket = await newBucket([APP_RULE]);
      const res = await preflight(`/${bucket}/k`, { Origin: APP, 'Access-Control-Request-Method': 'GET' });
      expect(res.status).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBe(APP);
    });

    it('refuses what no rule allows with 403 AccessForbidden, naming the method and resource type', async () => {
      const bucket = await newBucket([APP_RULE]);
      const res = await preflight(`/${h.accountId}:${bucket}/k`, { Origin: APP, 'Access-Control-Request-Method': 'DELETE' });
      expect(res.status).toBe(403);
      const error = s3Error(res);
      expect(error.code).toBe('AccessForbidden');
      expect(error.message).toMatch(/^CORSResponse: This CORS request is not allowed\./);
      expect(error.fields).toMatchObject({ Method: 'DELETE', ResourceType: 'OBJECT' });
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    });

    it.each([
      ['a bucket without CORS rules', (b: string, a: string) => `/${a}:${b}/k`, { Origin: APP, 'Access-Control-Request-Method': 'GET' }, 403, 'AccessForbidden', 'CORSResponse: CORS is not enabled for this bucket.'],
      ['no Origin', (b: string, a: string) => `/${a}:${b}/k`, { 'Access-Control-Request-Method': 'GET' }, 400, 'BadRequest', 'Insufficient information. Origin request header needed.'],
      ['no Access-Control-Request-Method', (b: string, a: string) => `/${a}:${b}/k`, { Origin: APP }, 400, 'BadRequest', 'Invalid Access-Control-Request-Method: null'],
      ['a bucket named without its account, without CORS rules', (b: string) => `/${b}/k`, { Origin: APP, 'Access-Control-Request-Method': 'GET' }, 403, 'AccessForbidden', 'CORSResponse: CORS is not enabled for this bucket.'],
      ['a bucket name no account has', () => '/no-such-bucket-anywhere/k', { Origin: APP, 'Access-Control-Request-Method': 'GET' }, 403, 'AccessForbidden', 'CORSResponse: CORS is not enabled for this bucket.'],
      ['the service', () => '/', { Origin: APP, 'Access-Control-Request-Method': 'GET' }, 405, 'MethodNotAllowed', undefined],
      ['a bucket that does not exist', (_b: string, a: string) => `/${a}:no-such-bucket/k`, { Origin: APP, 'Access-Control-Request-Method': 'GET' }, 404, 'NoSuchBucket', undefined],
    ])('answers %s as S3 does', async (_name, path, headers, status, code, message) => {
      const bucket = await newBucket();
      const res = await preflight(path(bucket, h.accountId), headers);
      const error = s3Error(res);
      expect({ status: res.status, code: error.code }).toEqual({ status, code });
      if (message) expect(error.message).toBe(message);
    });
  });

  describe('actual requests', () => {
    it('signed requests of an allowed origin get the rule\'s headers and Vary: Origin, errors included', async () => {
      const bucket = await newBucket([APP_RULE]);
      const put = await send(h, 'PUT', `/${bucket}/k`, { body: 'hello', headers: { Origin: APP } });
      expect(put.status).toBe(200);
      expect(put.headers).toMatchObject({
        'access-control-allow-origin': APP,
        'access-control-allow-credentials': 'true',
        'access-control-allow-methods': 'GET, PUT',
        'access-control-expose-headers': 'ETag, x-amz-request-id',
        vary: 'Origin',
      });
      const get = await send(h, 'GET', `/${bucket}/k`, { headers: { Origin: APP } });
      expect(get.text).toBe('hello');
      expect(get.headers['access-control-allow-origin']).toBe(APP);
      const missing = await send(h, 'GET', `/${bucket}/nothing-here`, { headers: { Origin: APP } });
      expect(s3Error(missing).code).toBe('NoSuchKey');
      expect(missing.headers['access-control-allow-origin']).toBe(APP);
      expect(missing.headers.vary).toBe('Origin');
    });

    it('other origins, other methods and requests without Origin get only Vary: Origin', async () => {
      const bucket = await newBucket([APP_RULE]);
      await putObject(h, bucket, 'k', 'x');
      for (const res of [
        await send(h, 'GET', `/${bucket}/k`, { headers: { Origin: 'https://evil.test' } }),
        await send(h, 'DELETE', `/${bucket}/k`, { headers: { Origin: APP } }),
        await send(h, 'GET', `/${bucket}?list-type=2`),
      ]) {
        expect(res.headers.vary).toBe('Origin');
        expect(res.headers['access-control-allow-origin']).toBeUndefined();
      }
    });

    it('anonymous requests through /{accountId}:{bucket} get the headers, refused ones too', async () => {
      const bucket = await newBucket([APP_RULE]);
      await putObject(h, bucket, 'k', 'secret');
      const denied = await send(h, 'GET', `/${h.accountId}:${bucket}/k`, { anonymous: true, headers: { Origin: APP } });
      expect(s3Error(denied).code).toBe('AccessDenied');
      expect(denied.headers['access-control-allow-origin']).toBe(APP);

      expect((await send(h, 'PUT', `/${bucket}?acl`, { headers: { 'x-amz-acl': 'public-read' } })).status).toBe(200);
      const allowed = await send(h, 'GET', `/${h.accountId}:${bucket}/k`, { anonymous: true, headers: { Origin: APP } });
      expect(allowed.text).toBe('secret');
      expect(allowed.headers['access-control-allow-origin']).toBe(APP);
    });

    it('requests refused before their bucket is loaded (bad credentials) get the headers too', async () => {
      const bucket = await newBucket([APP_RULE]);
      const res = await send(h, 'GET', `/${bucket}/k`, { anonymous: true, headers: { Origin: APP, Authorization: 'AWS4-HMAC-SHA256 Credential=NOKEY/20260101/r/s3/aws4_request, SignedHeaders=host, Signature=00' } });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.headers['access-control-allow-origin']).toBe(APP);
    });

    it('a bucket without CORS rules sends no CORS headers at all', async () => {
      const bucket = await newBucket();
      const res = await send(h, 'PUT', `/${bucket}/k`, { body: 'x', headers: { Origin: APP } });
      expect(res.status).toBe(200);
      expect(res.headers.vary).toBeUndefined();
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});
