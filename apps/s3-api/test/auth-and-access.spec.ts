// SigV4 failures as S3 reports them, Expect: 100-continue among the signed headers, and the
// access decisions (roles, other accounts) as they reach the wire.
import http from 'node:http';
import {
  canonicalHeaders,
  canonicalRequest,
  canonicalUri,
  deriveSigningKey,
  formatAmzDate,
  presignUrl,
  signature,
  stringToSign,
} from '@gw/auth';
import {
  addUser,
  blobFiles,
  createBucket,
  Credentials,
  md5Hex,
  objectRows,
  putObject,
  s3Error,
  send,
  sha256Hex,
  sign,
  startS3Harness,
  S3Harness,
  tempFiles,
} from './s3-harness';

const MINUTE = 60_000;

describe('S3 wire: SigV4 and access decisions', () => {
  let h: S3Harness;

  beforeAll(async () => {
    h = await startS3Harness();
    await createBucket(h, 'sigv4');
    await putObject(h, 'sigv4', 'existing.txt', 'original');
  });
  afterAll(async () => {
    await h?.close();
  });

  const presignedPath = (url: string): string => url.slice(h.url.length);

  describe('request time', () => {
    it('refuses an X-Amz-Date more than 15 minutes off with 403 RequestTimeTooSkewed', async () => {
      for (const offset of [-16 * MINUTE, 16 * MINUTE, -24 * 60 * MINUTE]) {
        const now = new Date(Date.now() + offset);
        const res = await send(h, 'GET', '/sigv4/existing.txt', { now });
        expect(res.status).toBe(403);
        const error = s3Error(res);
        expect(error.code).toBe('RequestTimeTooSkewed');
        expect(error.fields.RequestTime).toBe(formatAmzDate(now));
        expect(error.fields.ServerTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        expect(error.fields.MaxAllowedSkewMilliseconds).toBe('900000');
        expect(res.text).not.toContain('original');
      }
    });

    it('accepts a clock up to 15 minutes off either way', async () => {
      for (const offset of [-14 * MINUTE, 14 * MINUTE]) {
        const res = await send(h, 'GET', '/sigv4/existing.txt', { now: new Date(Date.now() + offset) });
        expect(res.status).toBe(200);
        expect(res.text).toBe('original');
      }
    });

    it('a skewed PUT stores nothing', async () => {
      const res = await send(h, 'PUT', '/sigv4/skewed.txt', { body: 'late', now: new Date(Date.now() - 20 * MINUTE) });
      expect(res.status).toBe(403);
      expect(s3Error(res).code).toBe('RequestTimeTooSkewed');
      expect(await objectRows(h, 'sigv4', 'skewed.txt')).toBe(0);
    });
  });

  describe('presigned URLs', () => {
    const presign = (path: string, expiresSeconds: number, now: Date, method = 'GET') =>
      presignUrl({ method, url: h.url + path, accessKeyId: h.creds.accessKey, secretKey: h.creds.secretKey, region: h.region, service: 's3', expiresSeconds, now });

    it('work while valid', async () => {
      const res = await send(h, 'GET', presignedPath(presign('/sigv4/existing.txt', 300, new Date())), { rawHeaders: {} });
      expect(res.status).toBe(200);
      expect(res.text).toBe('original');
    });

    it('an expired one is 403 AccessDenied "Request has expired"', async () => {
      const signedAt = new Date(Date.now() - 2 * 60 * MINUTE);
      const res = await send(h, 'GET', presignedPath(presign('/sigv4/existing.txt', 3600, signedAt)), { rawHeaders: {} });
      expect(res.status).toBe(403);
      const error = s3Error(res);
      expect(error.code).toBe('AccessDenied');
      expect(error.message).toBe('Request has expired');
      expect(error.fields['X-Amz-Expires']).toBe('3600');
      expect(error.fields.Expires).toBe(new Date(Math.floor(signedAt.getTime() / 1000) * 1000 + 3600_000).toISOString());
      expect(error.resource).toBe('/sigv4/existing.txt');
      expect(res.text).not.toContain('original');
    });

    it('an expired PUT URL stores nothing', async () => {
      const url = presign('/sigv4/expired-put.txt', 60, new Date(Date.now() - 10 * MINUTE), 'PUT');
      const res = await send(h, 'PUT', presignedPath(url), { rawHeaders: {}, body: 'nope' });
      expect(res.status).toBe(403);
      expect(s3Error(res).code).toBe('AccessDenied');
      expect(await objectRows(h, 'sigv4', 'expired-put.txt')).toBe(0);
    });

    it('a presigned PUT that carries the checksum of an empty body (as SDKs presign it) stores the real body', async () => {
      const emptyCrc32 = 'AAAAAA==';
      const url = presign(`/sigv4/presigned-put.txt?x-amz-checksum-crc32=${encodeURIComponent(emptyCrc32)}&x-amz-sdk-checksum-algorithm=CRC32`, 300, new Date(), 'PUT');
      const res = await send(h, 'PUT', presignedPath(url), { rawHeaders: {}, body: 'uploaded through a presigned URL' });
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe(`"${md5Hex('uploaded through a presigned URL')}"`);
      expect((await send(h, 'GET', '/sigv4/presigned-put.txt')).text).toBe('uploaded through a presigned URL');
    });

    it('a presigned URL used for another key is 403 SignatureDoesNotMatch', async () => {
      const url = presign('/sigv4/existing.txt', 300, new Date());
      const res = await send(h, 'GET', presignedPath(url).replace('existing.txt', 'other.txt'), { rawHeaders: {} });
      expect(res.status).toBe(403);
      expect(s3Error(res).code).toBe('SignatureDoesNotMatch');
    });

    it('X-Amz-Expires over 7 days is 400 AuthorizationQueryParametersError', async () => {
      const url = presign('/sigv4/existing.txt', 604800, new Date()).replace('X-Amz-Expires=604800', 'X-Amz-Expires=604801');
      const res = await send(h, 'GET', presignedPath(url), { rawHeaders: {} });
      expect(res.status).toBe(400);
      expect(s3Error(res).code).toBe('AuthorizationQueryParametersError');
    });
  });

  describe('malformed credentials', () => {
    const amzDate = () => formatAmzDate(new Date());
    const base = () => ({ 'x-amz-date': amzDate(), 'x-amz-content-sha256': sha256Hex('') });

    it.each([
      ['a truncated Credential', (d: string) => `AWS4-HMAC-SHA256 Credential=AKID/${d}, SignedHeaders=host, Signature=${'0'.repeat(64)}`],
      ['no Signature', (d: string) => `AWS4-HMAC-SHA256 Credential=AKID/${d}/kr-central-2/s3/aws4_request, SignedHeaders=host`],
      ['an unknown field', (d: string) => `AWS4-HMAC-SHA256 Credential=AKID/${d}/kr-central-2/s3/aws4_request, Foo=bar, SignedHeaders=host, Signature=${'0'.repeat(64)}`],
      ['another service in the scope', (d: string) => `AWS4-HMAC-SHA256 Credential=AKID/${d}/kr-central-2/ec2/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`],
      ['a scope date other than X-Amz-Date', () => `AWS4-HMAC-SHA256 Credential=AKID/19990101/kr-central-2/s3/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`],
      ['an unknown algorithm', (d: string) => `AWS4-HMAC-SHA512 Credential=AKID/${d}/kr-central-2/s3/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`],
    ])('an Authorization header with %s is 400 AuthorizationHeaderMalformed', async (_name, build) => {
      const headers = base();
      const res = await send(h, 'GET', '/sigv4/existing.txt', { rawHeaders: { ...headers, Authorization: build(headers['x-amz-date'].slice(0, 8)) } });
      expect(res.status).toBe(400);
      const error = s3Error(res);
      expect(error.code).toBe('AuthorizationHeaderMalformed');
      expect(res.text).not.toContain('original');
    });

    it('a signed request without x-amz-content-sha256 is 400 InvalidRequest', async () => {
      const headers = sign(h, 'GET', '/sigv4/existing.txt');
      delete headers['x-amz-content-sha256'];
      const res = await send(h, 'GET', '/sigv4/existing.txt', { rawHeaders: headers });
      expect(res.status).toBe(400);
      expect(s3Error(res).code).toBe('InvalidRequest');
    });

    it('an x-amz-* header sent but not signed is 403 AccessDenied', async () => {
      const headers = { ...sign(h, 'PUT', '/sigv4/unsigned-meta.txt', { body: 'x' }), 'x-amz-meta-sneaked': 'in' };
      const res = await send(h, 'PUT', '/sigv4/unsigned-meta.txt', { rawHeaders: headers, body: 'x' });
      expect(res.status).toBe(403);
      const error = s3Error(res);
      expect(error.code).toBe('AccessDenied');
      expect(error.fields.HeadersNotSigned).toBe('x-amz-meta-sneaked');
      expect(await objectRows(h, 'sigv4', 'unsigned-meta.txt')).toBe(0);
    });

    it('a signature made with another secret is 403 SignatureDoesNotMatch and stores nothing', async () => {
      const res = await send(h, 'PUT', '/sigv4/forged.txt', { body: 'forged', creds: { accessKey: h.creds.accessKey, secretKey: 'not-the-secret' } });
      expect(res.status).toBe(403);
      const error = s3Error(res);
      expect(error.code).toBe('SignatureDoesNotMatch');
      expect(error.fields.AWSAccessKeyId).toBe(h.creds.accessKey);
      expect(error.fields.CanonicalRequest).toContain('PUT\n/sigv4/forged.txt\n');
      expect(error.fields.StringToSign).toMatch(/^AWS4-HMAC-SHA256\n/);
      expect(await objectRows(h, 'sigv4', 'forged.txt')).toBe(0);
    });
  });

  describe('x-amz-content-sha256', () => {
    it('a body that does not match is 400 XAmzContentSHA256Mismatch; nothing created, no blob left', async () => {
      const before = blobFiles(h);
      const signedFor = 'the body that was signed';
      const headers = sign(h, 'PUT', '/sigv4/mismatch.txt', { body: signedFor });
      const res = await send(h, 'PUT', '/sigv4/mismatch.txt', { rawHeaders: headers, body: 'another body entirely!!' });
      expect(res.status).toBe(400);
      const error = s3Error(res);
      expect(error.code).toBe('XAmzContentSHA256Mismatch');
      expect(error.fields.ClientComputedContentSHA256).toBe(sha256Hex(signedFor));
      expect(error.fields.S3ComputedContentSHA256).toBe(sha256Hex('another body entirely!!'));
      expect(await objectRows(h, 'sigv4', 'mismatch.txt')).toBe(0);
      expect(blobFiles(h)).toEqual(before);
      expect(tempFiles(h)).toEqual([]);
    });

    it('a mismatching overwrite leaves the existing object as it was', async () => {
      const headers = sign(h, 'PUT', '/sigv4/existing.txt', { body: 'replacement' });
      const res = await send(h, 'PUT', '/sigv4/existing.txt', { rawHeaders: headers, body: 'replacemenT' });
      expect(res.status).toBe(400);
      expect(s3Error(res).code).toBe('XAmzContentSHA256Mismatch');
      const got = await send(h, 'GET', '/sigv4/existing.txt');
      expect(got.text).toBe('original');
      expect(got.headers.etag).toBe(`"${md5Hex('original')}"`);
    });

    it('UNSIGNED-PAYLOAD bodies are stored as sent', async () => {
      const res = await send(h, 'PUT', '/sigv4/unsigned.txt', { body: 'not hashed', payloadHash: 'UNSIGNED-PAYLOAD' });
      expect(res.status).toBe(200);
      expect((await send(h, 'GET', '/sigv4/unsigned.txt')).text).toBe('not hashed');
    });

    it('an x-amz-content-sha256 that is neither a hash nor a known mode is 400 InvalidArgument', async () => {
      const res = await send(h, 'PUT', '/sigv4/bad-hash.txt', { body: 'x', payloadHash: 'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD' });
      expect(res.status).toBe(400);
      expect(s3Error(res).code).toBe('InvalidArgument');
    });
  });

  describe('Expect: 100-continue', () => {
    /** A PUT through node:http that waits for the interim 100 before sending the body. */
    function putExpectingContinue(path: string, headers: Record<string, string>, body: Buffer): Promise<{ status: number; text: string; continued: boolean }> {
      const [host, port] = h.host.split(':');
      return new Promise((resolve, reject) => {
        let continued = false;
        const req = http.request({ host, port: Number(port), method: 'PUT', path, headers });
        req.on('continue', () => {
          continued = true;
          req.end(body);
        });
        req.on('response', (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode!, text: Buffer.concat(chunks).toString(), continued }));
        });
        req.on('error', reject);
      });
    }

    it('works when expect is among the signed headers (as some SDKs sign it)', async () => {
      const path = '/sigv4/continued.txt';
      const body = Buffer.from('sent after 100 Continue');
      const now = new Date();
      const amzDate = formatAmzDate(now);
      const headers: Record<string, string> = {
        host: h.host,
        expect: '100-continue',
        'content-length': String(body.length),
        'content-type': 'text/plain',
        'x-amz-content-sha256': sha256Hex(body),
        'x-amz-date': amzDate,
      };
      const signedHeaders = Object.keys(headers).sort();
      expect(signedHeaders).toContain('expect');
      const scope = { date: amzDate.slice(0, 8), region: h.region, service: 's3' };
      const canonical = canonicalRequest({
        method: 'PUT',
        canonicalUri: canonicalUri(path),
        canonicalQuery: '',
        canonicalHeaders: canonicalHeaders(signedHeaders, headers),
        signedHeaders,
        payloadHash: headers['x-amz-content-sha256'],
      });
      const sig = signature(deriveSigningKey(h.creds.secretKey, scope.date, h.region, 's3'), stringToSign(amzDate, scope, canonical));
      headers.authorization = `AWS4-HMAC-SHA256 Credential=${h.creds.accessKey}/${scope.date}/${h.region}/s3/aws4_request, SignedHeaders=${signedHeaders.join(';')}, Signature=${sig}`;

      const res = await putExpectingContinue(path, headers, body);
      expect(res).toMatchObject({ status: 200, continued: true });
      const got = await send(h, 'GET', path);
      expect(got.text).toBe(body.toString());
      expect(got.headers['content-type']).toBe('text/plain');
    });

    it('works when expect is sent but not signed', async () => {
      const path = '/sigv4/continued-unsigned.txt';
      const body = Buffer.from('also after 100 Continue');
      const headers: Record<string, string> = { host: h.host, expect: '100-continue', 'content-length': String(body.length), ...sign(h, 'PUT', path, { body }) };
      expect(headers.authorization).not.toContain('expect');
      const res = await putExpectingContinue(path, headers, body);
      expect(res).toMatchObject({ status: 200, continued: true });
      expect((await send(h, 'GET', path)).text).toBe(body.toString());
    });
  });

  describe('access decisions', () => {
    let reader: Credentials;
    let member: Credentials;

    beforeAll(async () => {
      reader = await addUser(h, 'reader', 'reader-user');
      member = await addUser(h, 'member', 'member-user');
    });

    it('a reader may list and read', async () => {
      expect((await send(h, 'GET', '/', { creds: reader })).status).toBe(200);
      expect((await send(h, 'GET', '/sigv4?list-type=2', { creds: reader })).status).toBe(200);
      expect((await send(h, 'HEAD', '/sigv4', { creds: reader })).status).toBe(200);
      const got = await send(h, 'GET', '/sigv4/existing.txt', { creds: reader });
      expect(got.status).toBe(200);
      expect(got.text).toBe('original');
    });

    it('a reader may not write: PUT, DELETE, DeleteObjects, CreateBucket are 403 AccessDenied and change nothing', async () => {
      const put = await send(h, 'PUT', '/sigv4/by-reader.txt', { creds: reader, body: 'x' });
      expect(put.status).toBe(403);
      expect(s3Error(put).code).toBe('AccessDenied');
      expect(await objectRows(h, 'sigv4', 'by-reader.txt')).toBe(0);

      const overwrite = await send(h, 'PUT', '/sigv4/existing.txt', { creds: reader, body: 'overwritten' });
      expect(overwrite.status).toBe(403);
      const del = await send(h, 'DELETE', '/sigv4/existing.txt', { creds: reader });
      expect(del.status).toBe(403);
      expect(s3Error(del).code).toBe('AccessDenied');
      const xml = '<Delete><Object><Key>existing.txt</Key></Object></Delete>';
      const multi = await send(h, 'POST', '/sigv4?delete', { creds: reader, body: xml, headers: { 'Content-MD5': Buffer.from(md5Hex(xml), 'hex').toString('base64') } });
      expect(multi.status).toBe(403);
      expect((await send(h, 'GET', '/sigv4/existing.txt')).text).toBe('original');

      const bucket = await send(h, 'PUT', '/reader-bucket', { creds: reader });
      expect(bucket.status).toBe(403);
      expect((await send(h, 'HEAD', '/reader-bucket')).status).toBe(404);
    });

    it('a member may write', async () => {
      expect((await send(h, 'PUT', '/sigv4/by-member.txt', { creds: member, body: 'member' })).status).toBe(200);
      expect((await send(h, 'GET', '/sigv4/by-member.txt', { creds: reader })).text).toBe('member');
    });

    describe('another account', () => {
      let other: { accountId: string; creds: Credentials };

      beforeAll(async () => {
        const account = await h.storage.accounts.create({ name: 'other' });
        other = { accountId: account.id, creds: await addUser(h, 'admin', 'other-admin', account.id) };
        await send(h, 'PUT', '/theirs', { creds: other.creds });
        const put = await send(h, 'PUT', '/theirs/secret.txt', { creds: other.creds, body: 'their secret' });
        expect(put.status).toBe(200);
      });

      it('its bucket, named /{accountId}:{bucket}, is 403 AccessDenied for reads, listings and writes', async () => {
        const get = await send(h, 'GET', `/${other.accountId}:theirs/secret.txt`);
        expect(get.status).toBe(403);
        expect(s3Error(get).code).toBe('AccessDenied');
        expect(get.text).not.toContain('their secret');
        const list = await send(h, 'GET', `/${other.accountId}:theirs?list-type=2`);
        expect(list.status).toBe(403);
        expect(list.text).not.toContain('secret.txt');
        const head = await send(h, 'HEAD', `/${other.accountId}:theirs`);
        expect(head.status).toBe(403);
        const put = await send(h, 'PUT', `/${other.accountId}:theirs/secret.txt`, { body: 'replaced' });
        expect(put.status).toBe(403);
        const del = await send(h, 'DELETE', `/${other.accountId}:theirs/secret.txt`);
        expect(del.status).toBe(403);
        expect((await send(h, 'GET', '/theirs/secret.txt', { creds: other.creds })).text).toBe('their secret');
      });

      it('creating a bucket in it through /{accountId}:{bucket} is 403 AccessDenied', async () => {
        const res = await send(h, 'PUT', `/${other.accountId}:planted`);
        expect(res.status).toBe(403);
        expect(s3Error(res).code).toBe('AccessDenied');
        expect((await send(h, 'HEAD', `/${other.accountId}:planted`, { creds: other.creds })).status).toBe(404);
      });

      it('a bucket name is per account: /theirs in my own account does not exist', async () => {
        const res = await send(h, 'GET', '/theirs/secret.txt');
        expect(res.status).toBe(404);
        expect(s3Error(res).code).toBe('NoSuchBucket');
      });

      it('the owner may use the {accountId}:{bucket} form too', async () => {
        const res = await send(h, 'GET', `/${other.accountId}:theirs/secret.txt`, { creds: other.creds });
        expect(res.status).toBe(200);
        expect(res.text).toBe('their secret');
      });

      it('an account part that is not an account id is 400 InvalidBucketName', async () => {
        const res = await send(h, 'GET', '/not-hex:theirs/secret.txt');
        expect(res.status).toBe(400);
        expect(s3Error(res).code).toBe('InvalidBucketName');
      });
    });
  });
});
