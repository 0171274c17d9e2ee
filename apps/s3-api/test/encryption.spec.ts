// Server-side encryption on the wire: Get/Put/DeleteBucketEncryption documents and errors,
// `x-amz-server-side-encryption` on writes and reads, and the blob files on disk holding
// ciphertext while clients read their bytes back, whole or by range.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  blobFiles,
  childNames,
  createBucket,
  md5Base64,
  md5Hex,
  parseXmlDocument,
  putObject,
  s3Error,
  send,
  startS3Harness,
  S3Harness,
  textOf,
  WireResponse,
} from './s3-harness';

const NS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const MiB = 1024 * 1024;

const configuration = (algorithm: string, extra = '') =>
  `<ServerSideEncryptionConfiguration xmlns="${NS}"><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>${algorithm}</SSEAlgorithm>${extra}</ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>`;

describe('S3 wire: server-side encryption', () => {
  let h: S3Harness;
  beforeAll(async () => {
    h = await startS3Harness();
    await createBucket(h, 'vault');
    await createBucket(h, 'clear');
    const res = await putEncryption('vault', configuration('AES256'));
    expect(res.status).toBe(200);
  });
  afterAll(async () => {
    await h?.close();
  });

  const putEncryption = (bucket: string, body: string) =>
    send(h, 'PUT', `/${bucket}?encryption`, { body, headers: { 'content-md5': md5Base64(body), 'content-type': 'application/xml' } });
  /** Every blob file whose bytes are exactly `data`: none when the object is encrypted at rest. */
  const filesHolding = (data: Buffer) => blobFiles(h).filter((file) => readFileSync(file).equals(data));
  const filesContaining = (data: Buffer) => blobFiles(h).filter((file) => readFileSync(file).includes(data));
  const sse = (res: WireResponse) => res.headers['x-amz-server-side-encryption'];

  describe('bucket encryption configuration', () => {
    it('GetBucketEncryption answers the AES256 rule', async () => {
      const res = await send(h, 'GET', '/vault?encryption');
      expect(res.status).toBe(200);
      const doc = parseXmlDocument(res.text);
      expect(doc.name).toBe('ServerSideEncryptionConfiguration');
      expect(doc.attributes).toEqual({ xmlns: NS });
      expect(childNames(doc)).toEqual(['Rule']);
      const byDefault = doc.children[0].children;
      expect(byDefault.map((c) => c.name)).toEqual(['ApplyServerSideEncryptionByDefault']);
      expect(textOf(byDefault[0], 'SSEAlgorithm')).toBe('AES256');
    });

    it('a bucket without one: 404 ServerSideEncryptionConfigurationNotFoundError', async () => {
      const res = await send(h, 'GET', '/clear?encryption');
      expect(res.status).toBe(404);
      expect(s3Error(res)).toMatchObject({ code: 'ServerSideEncryptionConfigurationNotFoundError', resource: '/clear' });
    });

    it.each([
      ['aws:kms', configuration('aws:kms'), 400, 'InvalidEncryptionAlgorithmError'],
      ['an unknown algorithm', configuration('DES'), 400, 'InvalidEncryptionAlgorithmError'],
      ['a KMS key with AES256', configuration('AES256', '<KMSMasterKeyID>arn:key</KMSMasterKeyID>'), 400, 'InvalidArgument'],
      ['no SSEAlgorithm', configuration('').replace('<SSEAlgorithm></SSEAlgorithm>', ''), 400, 'MalformedXML'],
      ['no Rule', `<ServerSideEncryptionConfiguration xmlns="${NS}"/>`, 400, 'MalformedXML'],
      ['two rules', configuration('AES256').replace('</Rule>', '</Rule><Rule/>'), 400, 'MalformedXML'],
      ['another document', '<VersioningConfiguration/>', 400, 'MalformedXML'],
      ['not XML', 'AES256', 400, 'MalformedXML'],
    ])('PutBucketEncryption with %s: refused, nothing set', async (_name, body, status, code) => {
      await send(h, 'DELETE', '/clear?encryption');
      const res = await putEncryption('clear', body);
      expect(res.status).toBe(status);
      expect(s3Error(res).code).toBe(code);
      expect((await send(h, 'GET', '/clear?encryption')).status).toBe(404);
    });

    it('is refused on a bucket that holds objects: 409 InvalidBucketState; the same setting again is accepted', async () => {
      await createBucket(h, 'full');
      await putObject(h, 'full', 'one', 'x');
      const res = await putEncryption('full', configuration('AES256'));
      expect(res.status).toBe(409);
      expect(s3Error(res)).toMatchObject({ code: 'InvalidBucketState', message: 'Default encryption can only be set on an empty bucket.' });
      await putObject(h, 'vault', 'already-there', 'x');
      expect((await putEncryption('vault', configuration('AES256'))).status).toBe(200);
    });

    it('DeleteBucketEncryption: 204, also when none is set; objects written before stay encrypted', async () => {
      await createBucket(h, 'temporary');
      expect((await putEncryption('temporary', configuration('AES256'))).status).toBe(200);
      const data = randomBytes(2000);
      await putObject(h, 'temporary', 'before', data);
      expect((await send(h, 'DELETE', '/temporary?encryption')).status).toBe(204);
      expect((await send(h, 'DELETE', '/temporary?encryption')).status).toBe(204);
      expect((await send(h, 'GET', '/temporary?encryption')).status).toBe(404);
      const after = await putObject(h, 'temporary', 'after', data);
      expect(sse(after)).toBeUndefined();
      const before = await send(h, 'GET', '/temporary/before');
      expect(sse(before)).toBe('AES256');
      expect(before.body.equals(data)).toBe(true);
      expect(filesHolding(data)).toHaveLength(1); // the object written after, only
    });
  });

  describe('objects', () => {
    it('PutObject into an encrypted bucket stores ciphertext and answers AES256; GET and HEAD return the plaintext', async () => {
      const data = Buffer.from('the plaintext that must never reach the disk; '.repeat(500));
      const put = await putObject(h, 'vault', 'secret.txt', data, { 'content-type': 'text/plain' });
      expect(sse(put)).toBe('AES256');
      expect(put.headers.etag).toBe(`"${md5Hex(data)}"`);
      expect(filesContaining(data.subarray(0, 40))).toEqual([]);
      const get = await send(h, 'GET', '/vault/secret.txt');
      expect(get.status).toBe(200);
      expect(get.body.equals(data)).toBe(true);
      expect(sse(get)).toBe('AES256');
      expect(get.headers.etag).toBe(`"${md5Hex(data)}"`);
      const head = await send(h, 'HEAD', '/vault/secret.txt');
      expect(sse(head)).toBe('AES256');
      expect(head.headers['content-length']).toBe(String(data.length));
    });

    it('serves ranges of an encrypted object, suffix and open ranges included', async () => {
      const data = randomBytes(1000);
      await putObject(h, 'vault', 'ranged', data);
      for (const [range, from, to] of [
        ['bytes=0-0', 0, 0],
        ['bytes=15-16', 15, 16],
        ['bytes=17-500', 17, 500],
        ['bytes=990-', 990, 999],
        ['bytes=-33', 967, 999],
      ] as const) {
        const res = await send(h, 'GET', '/vault/ranged', { headers: { Range: range } });
        expect({ range, status: res.status, ok: res.body.equals(data.subarray(from, to + 1)) }).toEqual({ range, status: 206, ok: true });
        expect(res.headers['content-range']).toBe(`bytes ${from}-${to}/1000`);
      }
    });

    it('x-amz-server-side-encryption: AES256 encrypts one object of a plain bucket', async () => {
      const data = randomBytes(3000);
      const put = await putObject(h, 'clear', 'asked', data, { 'x-amz-server-side-encryption': 'AES256' });
      expect(sse(put)).toBe('AES256');
      expect(filesHolding(data)).toEqual([]);
      const plain = await putObject(h, 'clear', 'not-asked', data);
      expect(sse(plain)).toBeUndefined();
      expect(filesHolding(data)).toHaveLength(1);
      expect(sse(await send(h, 'HEAD', '/clear/not-asked'))).toBeUndefined();
      expect((await send(h, 'GET', '/clear/asked')).body.equals(data)).toBe(true);
    });

    it.each([
      ['another algorithm', { 'x-amz-server-side-encryption': 'aws:kms' }, 400, 'InvalidArgument'],
      ['a lower-case value', { 'x-amz-server-side-encryption': 'aes256' }, 400, 'InvalidArgument'],
      ['a KMS key id', { 'x-amz-server-side-encryption': 'AES256', 'x-amz-server-side-encryption-aws-kms-key-id': 'k' }, 400, 'InvalidArgument'],
      ['SSE-C keys', { 'x-amz-server-side-encryption-customer-algorithm': 'AES256', 'x-amz-server-side-encryption-customer-key': 'a2V5' }, 501, 'NotImplemented'],
    ])('PutObject with %s: refused, nothing written', async (_name, headers, status, code) => {
      const res = await send(h, 'PUT', '/clear/refused', { body: 'data', headers });
      expect(res.status).toBe(status);
      expect(s3Error(res).code).toBe(code);
      expect((await send(h, 'HEAD', '/clear/refused')).status).toBe(404);
    });

    it('GET with SSE-C headers: 501 NotImplemented', async () => {
      await putObject(h, 'clear', 'readable', 'x');
      const res = await send(h, 'GET', '/clear/readable', { headers: { 'x-amz-server-side-encryption-customer-algorithm': 'AES256' } });
      expect(res.status).toBe(501);
      expect(s3Error(res).code).toBe('NotImplemented');
    });
  });

  describe('multipart', () => {
    it('encrypts every part; Create, UploadPart and Complete answer AES256; ranges across part boundaries read right', async () => {
      const data = [randomBytes(5 * MiB + 5), randomBytes(5 * MiB + 11), randomBytes(999)];
      const whole = Buffer.concat(data);
      const create = await send(h, 'POST', '/vault/big.bin?uploads');
      expect(sse(create)).toBe('AES256');
      const uploadId = textOf(parseXmlDocument(create.text), 'UploadId')!;
      const etags: string[] = [];
      for (const [i, part] of data.entries()) {
        const res = await send(h, 'PUT', `/vault/big.bin?partNumber=${i + 1}&uploadId=${uploadId}`, { body: part });
        expect(res.status).toBe(200);
        expect(sse(res)).toBe('AES256');
        etags.push(res.headers.etag as string);
      }
      const list = etags.map((etag, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>${etag}</ETag></Part>`).join('');
      const complete = await send(h, 'POST', `/vault/big.bin?uploadId=${uploadId}`, { body: `<CompleteMultipartUpload>${list}</CompleteMultipartUpload>` });
      expect(complete.status).toBe(200);
      expect(sse(complete)).toBe('AES256');
      for (const part of data) expect(filesContaining(part.subarray(0, 64))).toEqual([]);

      expect((await send(h, 'GET', '/vault/big.bin')).body.equals(whole)).toBe(true);
      const boundary = data[0].length;
      for (let first = boundary - 17; first <= boundary + 17; first++) {
        const res = await send(h, 'GET', '/vault/big.bin', { headers: { Range: `bytes=${first}-${first + 40}` } });
        expect({ first, ok: res.body.equals(whole.subarray(first, first + 41)) }).toEqual({ first, ok: true });
      }
      const part2 = await send(h, 'GET', '/vault/big.bin?partNumber=2');
      expect(part2.status).toBe(206);
      expect(sse(part2)).toBe('AES256');
      expect(part2.body.equals(data[1])).toBe(true);
    });

    it('CreateMultipartUpload with x-amz-server-side-encryption: AES256 encrypts the upload in a plain bucket', async () => {
      const create = await send(h, 'POST', '/clear/asked-mp?uploads', { headers: { 'x-amz-server-side-encryption': 'AES256' } });
      expect(sse(create)).toBe('AES256');
      const uploadId = textOf(parseXmlDocument(create.text), 'UploadId')!;
      const data = randomBytes(4096);
      const part = await send(h, 'PUT', `/clear/asked-mp?partNumber=1&uploadId=${uploadId}`, { body: data });
      expect(sse(part)).toBe('AES256');
      expect(filesHolding(data)).toEqual([]);
      const refused = await send(h, 'POST', '/clear/refused-mp?uploads', { headers: { 'x-amz-server-side-encryption': 'aws:kms' } });
      expect(s3Error(refused).code).toBe('InvalidArgument');
    });
  });

  describe('copies', () => {
    it('CopyObject from an encrypted object into a plain bucket writes the plaintext, never the ciphertext', async () => {
      const data = randomBytes(5000);
      await putObject(h, 'vault', 'to-copy', data);
      const res = await send(h, 'PUT', '/clear/copied', { headers: { 'x-amz-copy-source': '/vault/to-copy' } });
      expect(res.status).toBe(200);
      expect(sse(res)).toBeUndefined();
      expect(textOf(parseXmlDocument(res.text), 'ETag')).toBe(`"${md5Hex(data)}"`);
      expect(filesHolding(data)).toHaveLength(1);
      expect((await send(h, 'GET', '/clear/copied')).body.equals(data)).toBe(true);
    });

    it('CopyObject into an encrypted bucket, or with AES256 asked, encrypts; onto itself it encrypts in place', async () => {
      const data = randomBytes(5000);
      await putObject(h, 'clear', 'plain-source', data);
      const into = await send(h, 'PUT', '/vault/from-plain', { headers: { 'x-amz-copy-source': '/clear/plain-source' } });
      expect(sse(into)).toBe('AES256');
      const self = await send(h, 'PUT', '/clear/plain-source', {
        headers: { 'x-amz-copy-source': '/clear/plain-source', 'x-amz-server-side-encryption': 'AES256' },
      });
      expect(self.status).toBe(200);
      expect(sse(self)).toBe('AES256');
      expect(sse(await send(h, 'HEAD', '/clear/plain-source'))).toBe('AES256');
      expect((await send(h, 'GET', '/clear/plain-source')).body.equals(data)).toBe(true);
      await h.storage.gc.drain();
      expect(filesHolding(data)).toEqual([]);
    });

    it('UploadPartCopy decrypts the source and answers the upload\'s encryption', async () => {
      const data = randomBytes(3000);
      await putObject(h, 'vault', 'part-source', data);
      const create = await send(h, 'POST', '/clear/assembled?uploads');
      const uploadId = textOf(parseXmlDocument(create.text), 'UploadId')!;
      const res = await send(h, 'PUT', `/clear/assembled?partNumber=1&uploadId=${uploadId}`, {
        headers: { 'x-amz-copy-source': '/vault/part-source', 'x-amz-copy-source-range': 'bytes=100-1099' },
      });
      expect(res.status).toBe(200);
      expect(sse(res)).toBeUndefined();
      expect(filesHolding(data.subarray(100, 1100))).toHaveLength(1);
      const sseC = await send(h, 'PUT', `/clear/assembled?partNumber=2&uploadId=${uploadId}`, {
        headers: { 'x-amz-copy-source': '/vault/part-source', 'x-amz-copy-source-server-side-encryption-customer-algorithm': 'AES256' },
      });
      expect(s3Error(sseC).code).toBe('NotImplemented');
    });
  });
});
