// GetObject/HeadObject headers, HeadBucket usage headers, GetBucketLocation, ListBuckets and
// CreateBucket answers, checked on the wire.
import http from 'node:http';
import {
  all,
  childNames,
  createBucket,
  md5Base64,
  md5Hex,
  parseXmlDocument,
  putObject,
  s3Error,
  send,
  sign,
  startS3Harness,
  S3Harness,
  textOf,
} from './s3-harness';

const RFC1123 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT$/;
const NS = 'http://s3.amazonaws.com/doc/2006-03-01/';

describe('S3 wire: object and bucket headers', () => {
  let h: S3Harness;

  beforeAll(async () => {
    h = await startS3Harness();
    await createBucket(h, 'headers');
  });
  afterAll(async () => {
    await h?.close();
  });

  describe('GetObject and HeadObject', () => {
    const body = Buffer.from('0123456789');
    const stored = {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Disposition': 'attachment; filename="digits.txt"',
      'Cache-Control': 'max-age=3600, must-revalidate',
      'Content-Language': 'ko-KR',
      Expires: 'Wed, 21 Oct 2037 07:28:00 GMT',
      'Content-Encoding': 'identity',
    };
    const meta = { 'x-amz-meta-Owner': 'alice', 'x-amz-meta-multi-word': 'a value with  spaces', 'X-Amz-Meta-Number': '42' };
    let putAt: number;

    beforeAll(async () => {
      putAt = Date.now();
      const res = await putObject(h, 'headers', 'digits.txt', body, { ...stored, ...meta });
      expect(res.headers.etag).toBe(`"${md5Hex(body)}"`);
    });

    it('GET: quoted ETag, RFC 1123 Last-Modified, Content-Length, Accept-Ranges, stored headers and user metadata', async () => {
      const res = await send(h, 'GET', '/headers/digits.txt');
      expect(res.status).toBe(200);
      expect(res.body.equals(body)).toBe(true);
      expect(res.headers.etag).toBe(`"${md5Hex(body)}"`);
      expect(res.headers['last-modified']).toMatch(RFC1123);
      expect(Math.abs(Date.parse(res.headers['last-modified'] as string) - putAt)).toBeLessThan(60_000);
      expect(res.headers['content-length']).toBe('10');
      expect(res.headers['accept-ranges']).toBe('bytes');
      expect(res.headers['content-type']).toBe(stored['Content-Type']);
      expect(res.headers['content-disposition']).toBe(stored['Content-Disposition']);
      expect(res.headers['cache-control']).toBe(stored['Cache-Control']);
      expect(res.headers['content-language']).toBe(stored['Content-Language']);
      expect(res.headers.expires).toBe(stored.Expires);
      expect(res.headers['content-encoding']).toBe('identity');
      // User metadata names come back lower-cased, values as sent.
      expect(res.headers['x-amz-meta-owner']).toBe('alice');
      expect(res.headers['x-amz-meta-multi-word']).toBe('a value with  spaces');
      expect(res.headers['x-amz-meta-number']).toBe('42');
      expect(Object.keys(res.headers).filter((n) => n.startsWith('x-amz-meta-')).sort()).toEqual(['x-amz-meta-multi-word', 'x-amz-meta-number', 'x-amz-meta-owner']);
    });

    it('HEAD: the same headers, no body', async () => {
      const get = await send(h, 'GET', '/headers/digits.txt');
      const head = await send(h, 'HEAD', '/headers/digits.txt');
      expect(head.status).toBe(200);
      expect(head.body.length).toBe(0);
      for (const name of ['etag', 'last-modified', 'content-length', 'accept-ranges', 'content-type', 'content-disposition', 'cache-control', 'x-amz-meta-owner']) {
        expect({ name, value: head.headers[name] }).toEqual({ name, value: get.headers[name] });
      }
    });

    it('HEAD and GET carry X-Rgw-Object-Type (the spec lists it; RGW sends Normal)', async () => {
      expect((await send(h, 'HEAD', '/headers/digits.txt')).headers['x-rgw-object-type']).toBe('Normal');
      expect((await send(h, 'GET', '/headers/digits.txt')).headers['x-rgw-object-type']).toBe('Normal');
    });

    it.each([
      ['bytes=2-5', 'bytes 2-5/10', '2345'],
      ['bytes=7-', 'bytes 7-9/10', '789'],
      ['bytes=-3', 'bytes 7-9/10', '789'],
      ['bytes=8-100', 'bytes 8-9/10', '89'],
      ['bytes=0-0', 'bytes 0-0/10', '0'],
    ])('Range %s: 206 with Content-Range %s', async (range, contentRange, expected) => {
      const res = await send(h, 'GET', '/headers/digits.txt', { headers: { Range: range } });
      expect(res.status).toBe(206);
      expect(res.headers['content-range']).toBe(contentRange);
      expect(res.headers['content-length']).toBe(String(expected.length));
      expect(res.text).toBe(expected);
      expect(res.headers.etag).toBe(`"${md5Hex(body)}"`);
      expect(res.headers['accept-ranges']).toBe('bytes');
    });

    it('a multi-range or malformed Range is ignored: 200 with the whole object', async () => {
      for (const range of ['bytes=0-1,3-4', 'items=0-1', 'bytes=5-2']) {
        const res = await send(h, 'GET', '/headers/digits.txt', { headers: { Range: range } });
        expect({ range, status: res.status }).toEqual({ range, status: 200 });
        expect(res.headers['content-range']).toBeUndefined();
        expect(res.text).toBe('0123456789');
      }
    });

    it('an unsatisfiable range is 416 InvalidRange', async () => {
      const res = await send(h, 'GET', '/headers/digits.txt', { headers: { Range: 'bytes=10-' } });
      expect(res.status).toBe(416);
      expect(s3Error(res).code).toBe('InvalidRange');
    });

    it('conditional GETs: If-Match passes, If-None-Match with another ETag passes, If-Modified-Since is 304 unless in the future', async () => {
      const etag = `"${md5Hex(body)}"`;
      expect((await send(h, 'GET', '/headers/digits.txt', { headers: { 'If-Match': etag } })).status).toBe(200);
      expect((await send(h, 'GET', '/headers/digits.txt', { headers: { 'If-None-Match': '"other"' } })).status).toBe(200);
      const lastModified = (await send(h, 'HEAD', '/headers/digits.txt')).headers['last-modified'] as string;
      expect((await send(h, 'GET', '/headers/digits.txt', { headers: { 'If-Modified-Since': lastModified } })).status).toBe(304);
      expect((await send(h, 'HEAD', '/headers/digits.txt', { headers: { 'If-Modified-Since': lastModified } })).status).toBe(304);
      // A date later than the server's clock is invalid, so ignored: S3 (and RFC 7232 §3.3) answer 200.
      const future = new Date(Date.now() + 3600_000).toUTCString();
      expect((await send(h, 'GET', '/headers/digits.txt', { headers: { 'If-Modified-Since': future } })).status).toBe(200);
      expect((await send(h, 'HEAD', '/headers/digits.txt', { headers: { 'If-Modified-Since': future } })).status).toBe(200);
      const past = new Date(Date.now() - 3600_000).toUTCString();
      const unmodified = await send(h, 'GET', '/headers/digits.txt', { headers: { 'If-Unmodified-Since': past } });
      expect(unmodified.status).toBe(412);
      expect(s3Error(unmodified).code).toBe('PreconditionFailed');
    });

    it('an object stored without Content-Type is served as binary/octet-stream', async () => {
      const path = '/headers/untyped';
      const payload = Buffer.from('no type');
      const headers = { host: h.host, 'content-length': String(payload.length), ...sign(h, 'PUT', path, { body: payload }) };
      const [host, port] = h.host.split(':');
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.request({ host, port: Number(port), method: 'PUT', path, headers }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode!));
        });
        req.on('error', reject);
        req.end(payload);
      });
      expect(status).toBe(200);
      const got = await send(h, 'GET', path);
      expect(got.headers['content-type']).toBe('binary/octet-stream');
    });

    it('a zero-byte object: 200, Content-Length 0, the MD5 of nothing', async () => {
      await putObject(h, 'headers', 'empty', Buffer.alloc(0));
      const res = await send(h, 'GET', '/headers/empty');
      expect(res.status).toBe(200);
      expect(res.headers['content-length']).toBe('0');
      expect(res.headers.etag).toBe('"d41d8cd98f00b204e9800998ecf8427e"');
    });

    it('an overwrite replaces data, ETag and metadata (no merge)', async () => {
      await putObject(h, 'headers', 'replaced', 'first', { 'x-amz-meta-a': '1', 'Cache-Control': 'no-cache' });
      await putObject(h, 'headers', 'replaced', 'second!', { 'x-amz-meta-b': '2' });
      const res = await send(h, 'GET', '/headers/replaced');
      expect(res.text).toBe('second!');
      expect(res.headers.etag).toBe(`"${md5Hex('second!')}"`);
      expect(res.headers['x-amz-meta-b']).toBe('2');
      expect(res.headers['x-amz-meta-a']).toBeUndefined();
      expect(res.headers['cache-control']).toBeUndefined();
    });

    it('keys that URLs would normalise are kept as sent: dot segments, empty segments, trailing slash, +, %2F', async () => {
      const cases: Array<[string, string]> = [
        ['/headers/a/../b', 'a/../b'],
        ['/headers/./dot', './dot'],
        ['/headers/double//slash', 'double//slash'],
        ['/headers/folder/', 'folder/'],
        ['/headers/plus+sign', 'plus+sign'],
        ['/headers/encoded%2Fslash', 'encoded/slash'],
        ['/headers/sp%20ace%3F%23', 'sp ace?#'],
      ];
      for (const [path, key] of cases) {
        const put = await send(h, 'PUT', path, { body: `key ${key}` });
        expect({ path, status: put.status }).toEqual({ path, status: 200 });
      }
      const res = await send(h, 'GET', '/headers?list-type=2&max-keys=1000');
      const listed = all(parseXmlDocument(res.text), 'Contents').map((c) => textOf(c, 'Key'));
      for (const [path, key] of cases) {
        expect(listed).toContain(key);
        expect((await send(h, 'GET', path)).text).toBe(`key ${key}`);
      }
    });

    it('a PUT answers 200 with the quoted ETag and an empty body', async () => {
      const res = await send(h, 'PUT', '/headers/put-answer', { body: 'abc', headers: { 'Content-MD5': md5Base64('abc') } });
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe(`"${md5Hex('abc')}"`);
      expect(res.headers['content-length']).toBe('0');
      expect(res.body.length).toBe(0);
    });
  });

  describe('HeadBucket usage headers', () => {
    const usage = async (bucket: string) => {
      const res = await send(h, 'HEAD', `/${bucket}`);
      expect(res.status).toBe(200);
      expect(res.body.length).toBe(0);
      return { objects: res.headers['x-rgw-object-count'], bytes: res.headers['x-rgw-bytes-used'], region: res.headers['x-amz-bucket-region'] };
    };

    it('X-Rgw-Object-Count and X-Rgw-Bytes-Used follow puts, overwrites, deletes and failed puts', async () => {
      await createBucket(h, 'usage');
      expect(await usage('usage')).toEqual({ objects: '0', bytes: '0', region: h.region });

      await putObject(h, 'usage', 'ten', '0123456789');
      await putObject(h, 'usage', 'twenty', 'x'.repeat(20));
      await putObject(h, 'usage', 'dir/thirty', 'y'.repeat(30));
      expect(await usage('usage')).toMatchObject({ objects: '3', bytes: '60' });

      await putObject(h, 'usage', 'dir/thirty', 'five!');
      expect(await usage('usage')).toMatchObject({ objects: '3', bytes: '35' });

      expect((await send(h, 'DELETE', '/usage/ten')).status).toBe(204);
      expect(await usage('usage')).toMatchObject({ objects: '2', bytes: '25' });

      expect((await send(h, 'DELETE', '/usage/never-existed')).status).toBe(204);
      const failed = await send(h, 'PUT', '/usage/bad', { body: 'abc', headers: { 'Content-MD5': md5Base64('abd') } });
      expect(failed.status).toBe(400);
      expect(await usage('usage')).toMatchObject({ objects: '2', bytes: '25' });
    });
  });

  describe('bucket documents', () => {
    it('GetBucketLocation: <LocationConstraint> with the region as its text', async () => {
      const res = await send(h, 'GET', '/headers?location');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/xml');
      expect(res.text).toBe(`<?xml version="1.0" encoding="UTF-8"?><LocationConstraint xmlns="${NS}">${h.region}</LocationConstraint>`);
    });

    it('GetBucketLocation of a missing bucket is 404 NoSuchBucket', async () => {
      const res = await send(h, 'GET', '/missing-bucket?location');
      expect(res.status).toBe(404);
      expect(s3Error(res).fields.BucketName).toBe('missing-bucket');
    });

    it('ListBuckets: Owner then Buckets, CreationDate in ISO 8601 with milliseconds', async () => {
      const res = await send(h, 'GET', '/');
      expect(res.status).toBe(200);
      const doc = parseXmlDocument(res.text);
      expect(doc.name).toBe('ListAllMyBucketsResult');
      expect(doc.attributes.xmlns).toBe(NS);
      expect(childNames(doc)).toEqual(['Owner', 'Buckets']);
      const owner = all(doc, 'Owner')[0];
      expect(childNames(owner)).toEqual(['ID', 'DisplayName']);
      expect(textOf(owner, 'ID')).toBe(h.userId);
      const buckets = all(all(doc, 'Buckets')[0], 'Bucket');
      expect(buckets.map((b) => textOf(b, 'Name'))).toContain('headers');
      for (const bucket of buckets) {
        expect(childNames(bucket)).toEqual(['Name', 'CreationDate']);
        expect(textOf(bucket, 'CreationDate')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      }
    });

    it('CreateBucket: 200, Location header, empty body; a second time 409 BucketAlreadyOwnedByYou', async () => {
      const res = await send(h, 'PUT', '/fresh-bucket');
      expect(res.status).toBe(200);
      expect(res.headers.location).toBe('/fresh-bucket');
      expect(res.body.length).toBe(0);
      const again = await send(h, 'PUT', '/fresh-bucket');
      expect(again.status).toBe(409);
      const error = s3Error(again);
      expect(error.code).toBe('BucketAlreadyOwnedByYou');
      expect(error.fields.BucketName).toBe('fresh-bucket');
    });

    it('CreateBucket with a malformed configuration is 400 MalformedXML, with another region 400 InvalidLocationConstraint', async () => {
      const bad = await send(h, 'PUT', '/configured-bucket', { body: '<CreateBucketConfiguration><LocationConstraint>' });
      expect(bad.status).toBe(400);
      expect(s3Error(bad).code).toBe('MalformedXML');
      const elsewhere = await send(h, 'PUT', '/configured-bucket', {
        body: '<CreateBucketConfiguration><LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>',
      });
      expect(elsewhere.status).toBe(400);
      expect(s3Error(elsewhere).code).toBe('InvalidLocationConstraint');
      expect((await send(h, 'HEAD', '/configured-bucket')).status).toBe(404);
    });
  });
});
