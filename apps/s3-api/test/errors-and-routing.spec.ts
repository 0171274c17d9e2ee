// Error documents, headers every response carries, and the route table, checked on the wire.
import {
  createBucket,
  putObject,
  rawExchange,
  requestHead,
  s3Error,
  send,
  sign,
  startS3Harness,
  S3Harness,
  WireResponse,
} from './s3-harness';

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'x-xss-protection': '1; mode=block',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
};

function expectCommonHeaders(res: WireResponse): void {
  expect(res.headers['x-amz-request-id']).toMatch(/^[0-9A-F]{16}$/);
  expect(res.headers['x-amz-id-2']).toEqual(expect.any(String));
  expect(res.headers).toMatchObject(SECURITY_HEADERS);
}

/** Splits a raw HTTP/1.1 answer into status line, headers and whatever followed the blank line. */
function splitRaw(raw: Buffer): { statusLine: string; headers: Record<string, string>; rest: Buffer } {
  const end = raw.indexOf('\r\n\r\n');
  expect(end).toBeGreaterThan(0);
  const [statusLine, ...lines] = raw.subarray(0, end).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { statusLine, headers, rest: raw.subarray(end + 4) };
}

describe('S3 wire: errors, common headers, routing', () => {
  let h: S3Harness;

  beforeAll(async () => {
    h = await startS3Harness();
    await createBucket(h, 'errors');
    await putObject(h, 'errors', 'present.txt', 'hello');
  });
  afterAll(async () => {
    await h?.close();
  });

  describe('error documents', () => {
    it('NoSuchBucket: 404, XML <Error> with BucketName, Resource and RequestId', async () => {
      const res = await send(h, 'GET', '/no-such-bucket/some/key');
      expect(res.status).toBe(404);
      const error = s3Error(res);
      expect(error.code).toBe('NoSuchBucket');
      expect(error.message).toBe('The specified bucket does not exist.');
      expect(error.fields.BucketName).toBe('no-such-bucket');
      expect(error.resource).toBe('/no-such-bucket/some/key');
      // S3 error documents have no namespace.
      expect(res.text).toContain('<Error><Code>NoSuchBucket</Code>');
      expectCommonHeaders(res);
    });

    it('NoSuchBucket for a bucket operation too (ListObjects)', async () => {
      const res = await send(h, 'GET', '/no-such-bucket?prefix=a');
      expect(res.status).toBe(404);
      const error = s3Error(res);
      expect(error.code).toBe('NoSuchBucket');
      expect(error.fields.BucketName).toBe('no-such-bucket');
      expect(error.resource).toBe('/no-such-bucket');
    });

    it('NoSuchKey: 404 with the decoded Key', async () => {
      const res = await send(h, 'GET', '/errors/dir/missing%20file.txt');
      expect(res.status).toBe(404);
      const error = s3Error(res);
      expect(error.code).toBe('NoSuchKey');
      expect(error.message).toBe('The specified key does not exist.');
      expect(error.fields.Key).toBe('dir/missing file.txt');
      expect(error.resource).toBe('/errors/dir/missing%20file.txt');
      expect(error.names).toEqual(['Code', 'Message', 'Key', 'Resource', 'RequestId']);
    });

    it('every error gets its own request id, the same in header and body', async () => {
      const a = s3Error(await send(h, 'GET', '/errors/missing'));
      const b = s3Error(await send(h, 'GET', '/errors/missing'));
      expect(a.requestId).not.toBe(b.requestId);
    });

    it('PreconditionFailed is 412 and InvalidRange 416, both as XML documents', async () => {
      const failed = await send(h, 'GET', '/errors/present.txt', { headers: { 'If-Match': '"0123"' } });
      expect(failed.status).toBe(412);
      expect(s3Error(failed).code).toBe('PreconditionFailed');
      const range = await send(h, 'GET', '/errors/present.txt', { headers: { Range: 'bytes=100-200' } });
      expect(range.status).toBe(416);
      expect(s3Error(range).code).toBe('InvalidRange');
    });

    it('a path that is not valid percent-encoding is a 400 XML error, not a 500', async () => {
      const res = await send(h, 'GET', '/errors/bad%ZZkey');
      expect(res.status).toBe(400);
      expect(s3Error(res).code).toBe('InvalidURI');
    });

    it('HEAD errors carry the status and request id but no body, on the wire', async () => {
      const path = '/errors/missing-head';
      const head = await send(h, 'HEAD', path);
      expect(head.status).toBe(404);
      expect(head.body.length).toBe(0);
      expectCommonHeaders(head);

      const raw = await rawExchange(h, requestHead('HEAD', path, { Host: h.host, Connection: 'close', ...sign(h, 'HEAD', path) }));
      const { statusLine, headers, rest } = splitRaw(raw);
      expect(statusLine).toBe('HTTP/1.1 404 Not Found');
      expect(headers['x-amz-request-id']).toMatch(/^[0-9A-F]{16}$/);
      expect(rest.length).toBe(0);

      const bucket = await send(h, 'HEAD', '/no-such-bucket');
      expect(bucket.status).toBe(404);
      expect(bucket.body.length).toBe(0);
      expectCommonHeaders(bucket);
    });

    it('304 Not Modified has no body, on the wire', async () => {
      const etag = (await send(h, 'HEAD', '/errors/present.txt')).headers.etag as string;
      const res = await send(h, 'GET', '/errors/present.txt', { headers: { 'If-None-Match': etag } });
      expect(res.status).toBe(304);
      expect(res.body.length).toBe(0);
      expectCommonHeaders(res);

      const path = '/errors/present.txt';
      const headers = { Host: h.host, Connection: 'close', ...sign(h, 'GET', path, { headers: { 'If-None-Match': etag } }) };
      const { statusLine, rest, headers: got } = splitRaw(await rawExchange(h, requestHead('GET', path, headers)));
      expect(statusLine).toBe('HTTP/1.1 304 Not Modified');
      expect(got['content-type']).toBeUndefined();
      expect(rest.length).toBe(0);
    });
  });

  describe('bad input is a clear 4xx, never a 500, and stores nothing', () => {
    it.each([
      ['a key over 1024 bytes', `/errors/${'k'.repeat(1025)}`, {}, 400, 'KeyTooLongError'],
      ['user metadata over 2 KiB', '/errors/meta-too-large', { 'x-amz-meta-big': 'v'.repeat(2100) }, 400, 'MetadataTooLarge'],
      ['a storage class other than STANDARD', '/errors/glacier', { 'x-amz-storage-class': 'GLACIER' }, 400, 'InvalidStorageClass'],
      ['a key with a NUL', '/errors/nul%00key', {}, 400, 'InvalidArgument'],
      ['a bucket name S3 refuses', '/Bad_Bucket', {}, 400, 'InvalidBucketName'],
    ])('%s', async (_name, path, headers, status, code) => {
      const res = await send(h, 'PUT', path, { body: path.startsWith('/errors/') ? 'data' : undefined, headers: headers as Record<string, string> });
      expect(res.status).toBe(status);
      expect(s3Error(res).code).toBe(code);
      if (path.startsWith('/errors/')) expect((await send(h, 'HEAD', path)).status).not.toBe(200);
    });
  });

  describe('304 Not Modified', () => {
    // RFC 9110 §15.4.5: a 304 carries the validators a 200 would have sent, so caches can refresh them.
    it('304 Not Modified carries the ETag and Last-Modified of the object', async () => {
      const head = await send(h, 'HEAD', '/errors/present.txt');
      const conditions: Record<string, string>[] = [{ 'If-None-Match': head.headers.etag as string }, { 'If-Modified-Since': head.headers['last-modified'] as string }];
      for (const headers of conditions) {
        const res = await send(h, 'GET', '/errors/present.txt', { headers });
        expect(res.status).toBe(304);
        expect(res.headers.etag).toBe(head.headers.etag);
        expect(res.headers['last-modified']).toBe(head.headers['last-modified']);
      }
    });
  });

  describe('headers on every response', () => {
    it('successes, errors and empty answers all carry x-amz-request-id and the security headers', async () => {
      const responses = [
        await send(h, 'GET', '/'),
        await send(h, 'PUT', '/errors/common.txt', { body: 'x' }),
        await send(h, 'GET', '/errors/common.txt'),
        await send(h, 'HEAD', '/errors/common.txt'),
        await send(h, 'HEAD', '/errors'),
        await send(h, 'GET', '/errors?location'),
        await send(h, 'GET', '/errors?list-type=2'),
        await send(h, 'DELETE', '/errors/common.txt'),
        await send(h, 'GET', '/errors/common.txt'),
        await send(h, 'GET', '/errors', { anonymous: true }),
        await send(h, 'POST', '/errors/common.txt'),
        await send(h, 'GET', '/errors?policy'),
      ];
      expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200, 200, 204, 404, 403, 405, 501]);
      for (const res of responses) expectCommonHeaders(res);
      const ids = responses.map((r) => r.headers['x-amz-request-id']);
      expect(new Set(ids).size).toBe(ids.length);
    });
  });

  describe('route table', () => {
    it('GET /bucket?website (not implemented) is 501 NotImplemented, never a listing', async () => {
      for (const query of ['requestPayment', 'website', 'replication', 'inventory', 'policy', 'tagging&list-type=2', 'list-type=2&cors']) {
        const res = await send(h, 'GET', `/errors?${query}`);
        expect({ query, status: res.status }).toEqual({ query, status: 501 });
        expect(s3Error(res).code).toBe('NotImplemented');
        expect(res.text).not.toContain('ListBucketResult');
      }
    });

    it('sub-resources never fall through to the plain operation (no delete, no overwrite)', async () => {
      const deleteWebsite = await send(h, 'DELETE', '/errors?website');
      expect(deleteWebsite.status).toBe(501);
      expect((await send(h, 'HEAD', '/errors')).status).toBe(200);

      const putRetention = await send(h, 'PUT', '/errors/present.txt?retention', { body: '<Retention/>' });
      expect(putRetention.status).toBe(501);
      const deleteLegalHold = await send(h, 'DELETE', '/errors/present.txt?legal-hold');
      expect(deleteLegalHold.status).toBe(501);
      const getTorrent = await send(h, 'GET', '/errors/present.txt?torrent');
      expect(getTorrent.status).toBe(501);
      expect(getTorrent.text).not.toBe('hello');
      const still = await send(h, 'GET', '/errors/present.txt');
      expect(still.status).toBe(200);
      expect(still.text).toBe('hello');
    });

    it('POST /bucket/key is 405 MethodNotAllowed', async () => {
      const res = await send(h, 'POST', '/errors/present.txt', { body: 'data' });
      expect(res.status).toBe(405);
      const error = s3Error(res);
      expect(error.code).toBe('MethodNotAllowed');
      expect(error.resource).toBe('/errors/present.txt');
    });

    it('methods S3 does not have are 405 MethodNotAllowed on service, bucket and object', async () => {
      for (const [method, path] of [
        ['PATCH', '/errors/present.txt'],
        ['PATCH', '/errors'],
        ['PROPFIND', '/errors/present.txt'],
        ['DELETE', '/'],
        ['PUT', '/'],
      ]) {
        const res = await send(h, method, path);
        expect({ method, path, status: res.status }).toEqual({ method, path, status: 405 });
        expect(s3Error(res).code).toBe('MethodNotAllowed');
      }
      expect((await send(h, 'GET', '/errors/present.txt')).text).toBe('hello');
    });

    it('a sub-resource operation S3 has but this gateway does not serve is 501, whatever the method', async () => {
      // RestoreObject and SelectObjectContent: POST on an object; the multipart POSTs are served.
      for (const query of ['restore', 'select&select-type=2', 'uploads&restore']) {
        const res = await send(h, 'POST', `/errors/big.bin?${query}`);
        expect({ query, status: res.status }).toEqual({ query, status: 501 });
        expect(s3Error(res).code).toBe('NotImplemented');
      }
    });
  });

  describe('anonymous requests', () => {
    it('are refused with 403 AccessDenied for service, bucket and object operations', async () => {
      for (const [method, path] of [
        ['GET', '/'],
        ['GET', '/errors'],
        ['HEAD', '/errors'],
        ['GET', '/errors/present.txt'],
        ['DELETE', '/errors/present.txt'],
        ['PUT', '/anonymous-bucket'],
      ]) {
        const res = await send(h, method, path, { anonymous: true });
        expect({ method, path, status: res.status }).toEqual({ method, path, status: 403 });
        if (method !== 'HEAD') expect(s3Error(res).code).toBe('AccessDenied');
      }
      expect((await send(h, 'GET', '/errors/present.txt')).text).toBe('hello');
    });

    it('an anonymous PUT stores nothing', async () => {
      const res = await send(h, 'PUT', '/errors/anonymous.txt', { anonymous: true, body: 'sneaky' });
      expect(res.status).toBe(403);
      expect(s3Error(res).code).toBe('AccessDenied');
      expect((await send(h, 'HEAD', '/errors/anonymous.txt')).status).toBe(404);
    });

    it('naming the account explicitly (/{accountId}:{bucket}) does not make a private bucket public', async () => {
      const res = await send(h, 'GET', `/${h.accountId}:errors/present.txt`, { anonymous: true });
      expect(res.status).toBe(403);
      expect(s3Error(res).code).toBe('AccessDenied');
      expect(res.text).not.toContain('hello');
    });
  });
});
