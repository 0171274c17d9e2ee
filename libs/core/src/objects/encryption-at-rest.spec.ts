import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { BucketRecord, ObjectRecord, UploadRecord } from '@gw/metadata';
import { MIN_PART_SIZE } from '../multipart/part-number';
import { bodyOf, errorCodeOf, newAccount, openStorageFixture, readAll, StorageFixture, StorageScope } from '../testing';

const md5 = (data: Buffer) => createHash('md5').update(data).digest('hex');
const crc32Of = (data: Buffer) => {
  const value = Buffer.alloc(4);
  value.writeUInt32BE(crc32(data));
  return value.toString('base64');
};

describe('encryption at rest', () => {
  let f: StorageFixture;
  beforeAll(async () => (f = await openStorageFixture()));
  afterAll(() => f.close());

  let s: StorageScope;
  let account: string;
  let encrypted: BucketRecord;
  let plain: BucketRecord;
  let seq = 0;
  beforeEach(async () => {
    s = await f.scope(); // a blob store of the test's own: its files are the test's
    account = await newAccount(s.storage);
    const created = await s.storage.buckets.create({ accountId: account, name: `enc-${++seq}` });
    encrypted = await s.storage.buckets.setEncryption(created, 'AES256');
    plain = await s.storage.buckets.create({ accountId: account, name: `plain-${seq}` });
  });

  const onDisk = (blobId: string) => readFile(join(s.blobRoot, 'data', blobId.slice(0, 2), blobId.slice(2, 4), blobId));
  const put = (bucket: BucketRecord, key: string, data: Buffer, extra: Partial<Parameters<typeof s.storage.objects.put>[0]> = {}) =>
    s.storage.objects.put({ bucket, key, body: bodyOf(data), ...extra });
  const read = async (bucket: BucketRecord, key: string, range?: { first: number; last?: number }) =>
    readAll((await s.storage.objects.get({ bucket, key, range })).body);
  /** Proof that a blob file holds ciphertext: same length, other bytes, no plaintext run in it. */
  const expectCiphertext = async (blobId: string, plaintext: Buffer) => {
    const stored = await onDisk(blobId);
    expect(stored.length).toBe(plaintext.length);
    expect(stored.equals(plaintext)).toBe(false);
    expect(stored.includes(plaintext.subarray(0, 32))).toBe(false);
  };

  describe('PutObject and GetObject', () => {
    it('encrypts objects of an encrypted bucket, with ETag and checksums of the plaintext', async () => {
      const data = Buffer.from('secret payload '.repeat(1000));
      const object = await put(encrypted, 'a.txt', data, { integrity: { checksums: ['crc32'] } });
      expect(object).toMatchObject({ encryption: 'AES256', etag: md5(data), size: data.length, checksums: { crc32: crc32Of(data) } });
      expect(object.blobKey).toEqual({ wrappedKey: expect.stringMatching(/^kw1\./), iv: expect.any(String) });
      await expectCiphertext(object.blobId!, data);
      expect((await read(encrypted, 'a.txt')).equals(data)).toBe(true);
      expect((await s.storage.objects.head({ bucket: encrypted, key: 'a.txt' })).object.encryption).toBe('AES256');
    });

    it('encrypts one object on request in a plain bucket, and leaves the others in clear', async () => {
      const data = randomBytes(1000);
      const asked = await put(plain, 'asked', data, { encryption: 'AES256' });
      const clear = await put(plain, 'clear', data);
      expect(asked.encryption).toBe('AES256');
      await expectCiphertext(asked.blobId!, data);
      expect(clear).toMatchObject({ encryption: undefined, blobKey: undefined });
      expect((await onDisk(clear.blobId!)).equals(data)).toBe(true);
      expect((await read(plain, 'asked')).equals(data)).toBe(true);
    });

    it('serves byte ranges of an encrypted object from any offset', async () => {
      const data = randomBytes(100);
      await put(encrypted, 'r', data);
      for (let first = 0; first < 40; first++) {
        const bytes = await read(encrypted, 'r', { first, last: first + 20 });
        expect({ first, ok: bytes.equals(data.subarray(first, first + 21)) }).toEqual({ first, ok: true });
      }
      expect((await read(encrypted, 'r', { first: 99 })).equals(data.subarray(99))).toBe(true);
    });

    it('encrypts empty objects too', async () => {
      const object = await put(encrypted, 'empty', Buffer.alloc(0));
      expect(object).toMatchObject({ encryption: 'AES256', size: 0, etag: 'd41d8cd98f00b204e9800998ecf8427e' });
      expect((await read(encrypted, 'empty')).length).toBe(0);
    });

    it('refuses, with OperationAborted and nothing kept, a plaintext write that raced PutBucketEncryption', async () => {
      // The writer read the bucket before its default encryption was set.
      const stale = await s.storage.buckets.create({ accountId: account, name: `race-${seq}` });
      await s.storage.buckets.setEncryption(stale, 'AES256');
      expect(await errorCodeOf(put(stale, 'late', randomBytes(10)))).toBe('OperationAborted');
      expect(await s.blobFiles()).toEqual([]);
    });

    it('gives the blob of a deleted encrypted object to the collector like any other', async () => {
      await put(encrypted, 'gone', randomBytes(100));
      await s.storage.objects.delete(encrypted, 'gone');
      await s.storage.gc.drain();
      expect(await s.blobFiles()).toEqual([]);
    });
  });

  describe('multipart', () => {
    const upload = (bucket: BucketRecord, key: string, extra: Partial<Parameters<typeof s.storage.multipart.create>[0]> = {}) =>
      s.storage.multipart.create({ bucket, key, ...extra });
    const part = (bucket: BucketRecord, u: UploadRecord, partNumber: number, data: Buffer) =>
      s.storage.multipart.uploadPart({ bucket, key: u.key, uploadId: u.uploadId, partNumber, body: bodyOf(data) });
    const complete = (bucket: BucketRecord, u: UploadRecord, parts: { partNumber: number; etag: string }[]) =>
      s.storage.multipart.complete({ bucket, key: u.key, uploadId: u.uploadId, parts });

    /** Part sizes that put the boundaries off the 16-byte grid, so ranges cross them mid-block. */
    async function encryptedMultipart(key = 'big.bin'): Promise<{ object: ObjectRecord; whole: Buffer; boundaries: number[] }> {
      const u = await upload(encrypted, key);
      expect(u.encryption).toBe('AES256');
      const data = [randomBytes(MIN_PART_SIZE + 7), randomBytes(MIN_PART_SIZE + 3), randomBytes(100)];
      const parts = [];
      for (const [i, bytes] of data.entries()) parts.push(await part(encrypted, u, i + 1, bytes));
      for (const [i, p] of parts.entries()) {
        expect(p).toMatchObject({ encryption: 'AES256', etag: md5(data[i]) });
        await expectCiphertext(p.blobId, data[i]);
      }
      const object = await complete(encrypted, u, parts.map((p) => ({ partNumber: p.partNumber, etag: p.etag })));
      return { object, whole: Buffer.concat(data), boundaries: [data[0].length, data[0].length + data[1].length] };
    }

    it('encrypts every part, and reads byte ranges across part boundaries at every offset mod 16', async () => {
      const { object, whole, boundaries } = await encryptedMultipart();
      expect(object).toMatchObject({ encryption: 'AES256', partCount: 3, blobId: undefined });
      expect((await read(encrypted, 'big.bin')).equals(whole)).toBe(true);
      for (const boundary of boundaries) {
        for (let first = boundary - 20; first <= boundary + 20; first++) {
          const last = first + 37;
          const bytes = await read(encrypted, 'big.bin', { first, last });
          expect({ first, ok: bytes.equals(whole.subarray(first, last + 1)) }).toEqual({ first, ok: true });
        }
      }
      const tail = await read(encrypted, 'big.bin', { first: whole.length - 50 });
      expect(tail.equals(whole.subarray(whole.length - 50))).toBe(true);
    });

    it('reads one part of an encrypted multipart object by its number', async () => {
      const { whole, boundaries } = await encryptedMultipart();
      const second = await readAll((await s.storage.objects.get({ bucket: encrypted, key: 'big.bin', partNumber: 2 })).body);
      expect(second.equals(whole.subarray(boundaries[0], boundaries[1]))).toBe(true);
    });

    it('keeps an upload as it was created: encrypted on request in a plain bucket, even after the default is removed', async () => {
      const asked = await upload(plain, 'asked', { encryption: 'AES256' });
      const data = randomBytes(300);
      const p = await part(plain, asked, 1, data);
      await expectCiphertext(p.blobId, data);
      const u = await upload(encrypted, 'kept');
      const withoutDefault = await s.storage.buckets.deleteEncryption(encrypted);
      const later = await part(withoutDefault, u, 1, data);
      expect(later.encryption).toBe('AES256');
      await expectCiphertext(later.blobId, data);
      const object = await complete(withoutDefault, u, [{ partNumber: 1, etag: later.etag }]);
      expect(object.encryption).toBe('AES256');
      expect((await read(withoutDefault, 'kept')).equals(data)).toBe(true);
    });

    it('UploadPartCopy decrypts its source and encrypts the part as its upload says', async () => {
      const data = randomBytes(5000);
      await put(encrypted, 'src-enc', data);
      await put(plain, 'src-plain', data);
      const intoPlain = await upload(plain, 'from-encrypted');
      const plainPart = await s.storage.multipart.uploadPartCopy({
        bucket: plain, key: intoPlain.key, uploadId: intoPlain.uploadId, partNumber: 1, source: { bucket: encrypted, key: 'src-enc' }, range: { first: 10, last: 4009 },
      });
      expect(plainPart).toMatchObject({ encryption: undefined, blobKey: undefined, etag: md5(data.subarray(10, 4010)) });
      expect((await onDisk(plainPart.blobId)).equals(data.subarray(10, 4010))).toBe(true);
      const intoEncrypted = await upload(encrypted, 'from-plain');
      const encryptedPart = await s.storage.multipart.uploadPartCopy({
        bucket: encrypted, key: intoEncrypted.key, uploadId: intoEncrypted.uploadId, partNumber: 1, source: { bucket: plain, key: 'src-plain' },
      });
      expect(encryptedPart.encryption).toBe('AES256');
      await expectCiphertext(encryptedPart.blobId, data);
    });
  });

  describe('CopyObject', () => {
    const copy = (from: BucketRecord, sourceKey: string, into: BucketRecord, key: string, extra: Partial<Parameters<typeof s.storage.objects.copy>[0]> = {}) =>
      s.storage.objects.copy({ source: { bucket: from, key: sourceKey }, bucket: into, key, ...extra });

    it('between objects encrypted alike, shares the blob and its key (no data written)', async () => {
      const source = await put(encrypted, 'src', randomBytes(2000));
      const before = await s.blobFiles();
      const { object } = await copy(encrypted, 'src', encrypted, 'dst');
      expect(object).toMatchObject({ blobId: source.blobId, blobKey: source.blobKey, encryption: 'AES256', etag: source.etag });
      expect(await s.blobFiles()).toEqual(before);
      expect((await read(encrypted, 'dst')).equals(await read(encrypted, 'src'))).toBe(true);
    });

    it('from an encrypted object into a plain bucket, writes the plaintext to a new blob, never the ciphertext', async () => {
      const data = randomBytes(3000);
      const source = await put(encrypted, 'src', data, { integrity: { checksums: ['crc32'] } });
      const { object } = await copy(encrypted, 'src', plain, 'dst');
      expect(object.blobId).not.toBe(source.blobId);
      expect(object).toMatchObject({ encryption: undefined, blobKey: undefined, etag: md5(data), size: data.length, checksums: { crc32: crc32Of(data) } });
      expect((await onDisk(object.blobId!)).equals(data)).toBe(true);
      expect((await read(plain, 'dst')).equals(data)).toBe(true);
    });

    it('from a plain object into an encrypted bucket, or on request, encrypts a new blob', async () => {
      const data = randomBytes(3000);
      const source = await put(plain, 'src', data);
      const { object } = await copy(plain, 'src', encrypted, 'dst');
      expect(object).toMatchObject({ encryption: 'AES256', etag: md5(data) });
      expect(object.blobId).not.toBe(source.blobId);
      await expectCiphertext(object.blobId!, data);
      expect((await read(encrypted, 'dst')).equals(data)).toBe(true);
      const { object: asked } = await copy(plain, 'src', plain, 'asked', { encryption: 'AES256' });
      await expectCiphertext(asked.blobId!, data);
    });

    it('onto itself with encryption asked, encrypts the object in place and frees the clear blob', async () => {
      const data = randomBytes(3000);
      const source = await put(plain, 'self', data, { userMeta: { v: '1' } });
      const { object } = await copy(plain, 'self', plain, 'self', { encryption: 'AES256', changesAttributes: true });
      expect(object).toMatchObject({ encryption: 'AES256', userMeta: { v: '1' } });
      await s.storage.gc.drain();
      expect(await s.blobFiles()).toEqual([object.blobId]);
      expect(source.blobId).not.toBe(object.blobId);
      await expectCiphertext(object.blobId!, data);
      expect((await read(plain, 'self')).equals(data)).toBe(true);
    });

    it('of an encrypted multipart object into a plain bucket, makes one plain blob with the MD5 ETag', async () => {
      const u = await s.storage.multipart.create({ bucket: encrypted, key: 'mp' });
      const data = [randomBytes(MIN_PART_SIZE), randomBytes(77)];
      const parts = [];
      for (const [i, bytes] of data.entries()) {
        parts.push(await s.storage.multipart.uploadPart({ bucket: encrypted, key: 'mp', uploadId: u.uploadId, partNumber: i + 1, body: bodyOf(bytes) }));
      }
      await s.storage.multipart.complete({ bucket: encrypted, key: 'mp', uploadId: u.uploadId, parts: parts.map((p) => ({ partNumber: p.partNumber, etag: p.etag })) });
      const { object } = await copy(encrypted, 'mp', plain, 'flat');
      const whole = Buffer.concat(data);
      expect(object).toMatchObject({ etag: md5(whole), partCount: undefined, encryption: undefined, size: whole.length });
      expect((await onDisk(object.blobId!)).equals(whole)).toBe(true);
    });

    it('still checks the copy conditions when it streams', async () => {
      await put(encrypted, 'src', randomBytes(10));
      const attempt = copy(encrypted, 'src', plain, 'dst');
      await attempt;
      const failed = s.storage.objects.copy({ source: { bucket: encrypted, key: 'src', conditions: { ifMatch: ['0'.repeat(32)] } }, bucket: plain, key: 'dst2' });
      expect(await errorCodeOf(failed)).toBe('PreconditionFailed');
    });
  });
});
