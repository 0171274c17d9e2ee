// What GetObject and HeadObject answer besides bytes: response overrides (`response-*`, signed
// requests only), stored checksums with `x-amz-checksum-mode: ENABLED`, and the security headers.
import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { presignUrl } from '@gw/auth';
import { createBucket, parseXmlDocument, putObject, s3Error, send, startS3Harness, S3Harness, textOf } from './s3-harness';

const MiB = 1024 * 1024;
const crc32Base64 = (data: Buffer) => {
  const value = Buffer.alloc(4);
  value.writeUInt32BE(crc32(data));
  return value.toString('base64');
};

describe('S3 wire: GetObject and HeadObject extras', () => {
  let h: S3Harness;
  const data = Buffer.from('0123456789abcdef'.repeat(64));
  beforeAll(async () => {
    h = await startS3Harness();
    await createBucket(h, 'extras');
    await putObject(h, 'extras', 'file.bin', data, { 'content-type': 'application/octet-stream', 'cache-control': 'no-cache', 'x-amz-checksum-crc32': crc32Base64(data) });
  });
  afterAll(async () => {
    await h?.close();
  });

  describe('response overrides', () => {
    const overrides = {
      'response-content-type': 'text/csv',
      'response-content-language': 'ko-KR',
      'response-expires': 'Thu, 01 Dec 2044 16:00:00 GMT',
      'response-cache-control': 'max-age=60',
      'response-content-disposition': 'attachment; filename="report.csv"',
      'response-content-encoding': 'identity',
    };
    const expected = {
      'content-type': 'text/csv',
      'content-language': 'ko-KR',
      expires: 'Thu, 01 Dec 2044 16:00:00 GMT',
      'cache-control': 'max-age=60',
      'content-disposition': 'attachment; filename="report.csv"',
      'content-encoding': 'identity',
    };
    const query = new URLSearchParams(overrides).toString().replace(/\+/g, '%20');

    it('replace the stored headers on a signed GET and HEAD', async () => {
      for (const method of ['GET', 'HEAD']) {
        const res = await send(h, method, `/extras/file.bin?${query}`);
        expect({ method, status: res.status }).toEqual({ method, status: 200 });
        expect(res.headers).toMatchObject(expected);
      }
      const plain = await send(h, 'GET', '/extras/file.bin');
      expect(plain.headers).toMatchObject({ 'content-type': 'application/octet-stream', 'cache-control': 'no-cache' });
      expect(plain.headers['content-disposition']).toBeUndefined();
    });

    it('work through a presigned URL, as download links use them', async () => {
      const url = presignUrl({
        method: 'GET',
        url: `${h.url}/extras/file.bin?response-content-disposition=${encodeURIComponent('attachment; filename="x.bin"')}`,
        accessKeyId: h.creds.accessKey,
        secretKey: h.creds.secretKey,
        region: h.region,
        service: 's3',
        expiresSeconds: 300,
        now: new Date(),
      });
      const res = await send(h, 'GET', url.slice(h.url.length), { anonymous: true });
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toBe('attachment; filename="x.bin"');
      expect(res.body.equals(data)).toBe(true);
    });

    it('are refused on an anonymous request: 400 InvalidRequest', async () => {
      await createBucket(h, 'public-extras');
      expect((await send(h, 'PUT', '/public-extras?acl', { headers: { 'x-amz-acl': 'public-read' } })).status).toBe(200);
      await putObject(h, 'public-extras', 'open.txt', 'open');
      const path = `/${h.accountId}:public-extras/open.txt`;
      expect((await send(h, 'GET', path, { anonymous: true })).status).toBe(200);
      const res = await send(h, 'GET', `${path}?response-content-type=text%2Fhtml`, { anonymous: true });
      expect(res.status).toBe(400);
      expect(s3Error(res)).toMatchObject({ code: 'InvalidRequest', message: 'Request specific response headers cannot be used for anonymous GET requests.' });
    });

    it('with a value no header can carry: 400 InvalidArgument, never a 500', async () => {
      const res = await send(h, 'GET', '/extras/file.bin?response-content-type=a%0D%0AX-Injected%3A%201');
      expect(res.status).toBe(400);
      expect(s3Error(res)).toMatchObject({ code: 'InvalidArgument', fields: expect.objectContaining({ ArgumentName: 'response-content-type' }) });
      expect(res.headers['x-injected']).toBeUndefined();
    });
  });

  describe('x-amz-checksum-mode: ENABLED', () => {
    const mode = { 'x-amz-checksum-mode': 'ENABLED' };

    it('returns the stored full-object checksum on GET and HEAD, and on part 1 of a simple object', async () => {
      for (const [method, path] of [['GET', '/extras/file.bin'], ['HEAD', '/extras/file.bin'], ['GET', '/extras/file.bin?partNumber=1']]) {
        const res = await send(h, method, path, { headers: mode });
        expect({ method, path, crc32: res.headers['x-amz-checksum-crc32'], type: res.headers['x-amz-checksum-type'] }).toEqual({
          method,
          path,
          crc32: crc32Base64(data),
          type: 'FULL_OBJECT',
        });
      }
    });

    it('returns nothing without the mode, or for a range (a whole-object checksum would not match it)', async () => {
      const withoutMode = await send(h, 'GET', '/extras/file.bin');
      expect(withoutMode.headers['x-amz-checksum-crc32']).toBeUndefined();
      expect(withoutMode.headers['x-amz-checksum-type']).toBeUndefined();
      const ranged = await send(h, 'GET', '/extras/file.bin', { headers: { ...mode, Range: 'bytes=0-9' } });
      expect(ranged.status).toBe(206);
      expect(ranged.headers['x-amz-checksum-crc32']).toBeUndefined();
    });

    it('returns the composite checksum of a multipart object as COMPOSITE, `-N` included', async () => {
      const create = await send(h, 'POST', '/extras/mp.bin?uploads', { headers: { 'x-amz-checksum-algorithm': 'CRC32' } });
      const uploadId = textOf(parseXmlDocument(create.text), 'UploadId')!;
      const parts = [randomBytes(5 * MiB), randomBytes(1000)];
      const listed: string[] = [];
      for (const [i, part] of parts.entries()) {
        const res = await send(h, 'PUT', `/extras/mp.bin?partNumber=${i + 1}&uploadId=${uploadId}`, { body: part });
        expect(res.headers['x-amz-checksum-crc32']).toBe(crc32Base64(part));
        listed.push(`<Part><PartNumber>${i + 1}</PartNumber><ETag>${res.headers.etag}</ETag></Part>`);
      }
      const complete = await send(h, 'POST', `/extras/mp.bin?uploadId=${uploadId}`, { body: `<CompleteMultipartUpload>${listed.join('')}</CompleteMultipartUpload>` });
      expect(complete.status).toBe(200);
      const composite = textOf(parseXmlDocument(complete.text), 'ChecksumCRC32');
      expect(composite).toMatch(/^[A-Za-z0-9+/]{6}==-2$/);

      const res = await send(h, 'HEAD', '/extras/mp.bin', { headers: mode });
      expect(res.headers['x-amz-checksum-crc32']).toBe(composite);
      expect(res.headers['x-amz-checksum-type']).toBe('COMPOSITE');
      const part = await send(h, 'GET', '/extras/mp.bin?partNumber=2', { headers: mode });
      expect(part.status).toBe(206);
      expect(part.headers['x-amz-checksum-crc32']).toBeUndefined();
    });
  });

  it('HeadBucket and HeadObject carry the security headers the KakaoCloud document lists', async () => {
    for (const path of ['/extras', '/extras/file.bin', '/extras/missing']) {
      const res = await send(h, 'HEAD', path);
      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'x-xss-protection': '1; mode=block',
        'strict-transport-security': 'max-age=31536000; includeSubDomains',
      });
    }
  });
});
