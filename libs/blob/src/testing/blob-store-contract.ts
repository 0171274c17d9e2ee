import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { BlobStore, StoredBlob } from '../blob-store';
import { CHECKSUM_ALGORITHMS } from '../blob-store';
import { createDigester } from '../checksums/digester';
import { BlobError, type BlobErrorKind } from '../errors';
import { bodyOf, failingBody, readAll } from './streams';

export interface BlobStoreFixture {
  store: BlobStore;
  cleanup(): Promise<void>;
  /**
   * What the store holds besides durable blobs (fs: files in tmp/). Once a write has settled
   * this must be empty; stores that cannot look inside leave it out.
   */
  leftovers?(): Promise<string[]>;
}

/**
 * The behaviour every BlobStore must show. Each test gets a fresh store from `factory`.
 * Usage: `describeBlobStoreContract('FsBlobStore', async () => ({ store, cleanup }))`.
 */
export function describeBlobStoreContract(name: string, factory: () => Promise<BlobStoreFixture>): void {
  describe(`BlobStore contract: ${name}`, () => {
    let fixture: BlobStoreFixture;
    let store: BlobStore;

    beforeEach(async () => {
      fixture = await factory();
      store = fixture.store;
    });
    afterEach(() => fixture.cleanup());

    const listAll = async (): Promise<StoredBlob[]> => {
      const blobs: StoredBlob[] = [];
      for await (const blob of store.listCreatedBefore(new Date(Date.now() + 3_600_000))) blobs.push(blob);
      return blobs.sort((a, b) => a.id.localeCompare(b.id));
    };

    const expectNothingLeft = async (blobsBefore: StoredBlob[] = []) => {
      expect(await listAll()).toEqual(blobsBefore);
      if (fixture.leftovers) expect(await fixture.leftovers()).toEqual([]);
    };

    const expectBlobError = async (promise: Promise<unknown>, kind: BlobErrorKind) => {
      const error = await promise.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(BlobError);
      expect((error as BlobError).kind).toBe(kind);
    };

    describe('write and read', () => {
      it('round-trips the bytes with their md5 and requested checksums', async () => {
        const data = randomBytes(300_000);
        const result = await store.write(bodyOf(data), { checksums: CHECKSUM_ALGORITHMS });
        const expected = createDigester(CHECKSUM_ALGORITHMS);
        expected.update(data);
        expect(result).toEqual({
          id: expect.any(String),
          size: data.length,
          md5: createHash('md5').update(data).digest('hex'),
          checksums: expected.digests(),
        });
        expect((await readAll(await store.read(result.id))).equals(data)).toBe(true);
        await expectNothingLeft(await listAll());
      });

      it('computes only md5 when no checksum is asked for', async () => {
        const result = await store.write(bodyOf(Buffer.from('hello world')));
        expect(result.md5).toBe('5eb63bbbe01eeed093cb22bb8f5acdc3');
        expect(result.checksums).toEqual({});
      });

      it('stores an empty body', async () => {
        const result = await store.write(bodyOf(Buffer.alloc(0)), { expectedSize: 0, checksums: ['crc32'] });
        expect(result).toMatchObject({ size: 0, md5: 'd41d8cd98f00b204e9800998ecf8427e', checksums: { crc32: 'AAAAAA==' } });
        expect((await readAll(await store.read(result.id))).length).toBe(0);
      });

      it('gives every write its own id, even for equal bytes', async () => {
        const data = Buffer.from('same bytes');
        const results = await Promise.all([1, 2, 3].map(() => store.write(bodyOf(data))));
        expect(new Set(results.map((r) => r.id)).size).toBe(3);
      });

      it('reads inclusive byte ranges', async () => {
        const data = randomBytes(100_000);
        const { id } = await store.write(bodyOf(data));
        const range = async (start: number, end: number) => readAll(await store.read(id, { start, end }));
        expect((await range(0, 0)).equals(data.subarray(0, 1))).toBe(true);
        expect((await range(1234, 56_789)).equals(data.subarray(1234, 56_790))).toBe(true);
        expect((await range(99_999, 99_999)).equals(data.subarray(99_999))).toBe(true);
        expect((await range(0, 99_999)).equals(data)).toBe(true);
      });

      it('rejects reads of missing and malformed ids with not-found', async () => {
        await expectBlobError(store.read('0123456789abcdef0123456789abcdef'), 'not-found');
        for (const id of ['', '../../etc/passwd', 'ZZ', '0123456789ABCDEF0123456789ABCDEF']) {
          await expectBlobError(store.read(id), 'not-found');
        }
      });
    });

    describe('failed writes leave nothing behind', () => {
      it('rejects a body shorter than expectedSize as incomplete', async () => {
        await expectBlobError(store.write(bodyOf(randomBytes(999)), { expectedSize: 1000 }), 'incomplete');
        await expectNothingLeft();
      });

      it('rejects a body longer than expectedSize as incomplete', async () => {
        await expectBlobError(store.write(bodyOf(randomBytes(200_000)), { expectedSize: 1000 }), 'incomplete');
        await expectNothingLeft();
      });

      it('rejects a body over maxSize as too-large, and takes one of exactly maxSize', async () => {
        await expectBlobError(store.write(bodyOf(randomBytes(200_001)), { maxSize: 200_000 }), 'too-large');
        await expectNothingLeft();
        const { size } = await store.write(bodyOf(randomBytes(200_000)), { maxSize: 200_000 });
        expect(size).toBe(200_000);
      });

      it("rejects with the source's own error when the body fails mid-way", async () => {
        const failure = new Error('chunk signature mismatch');
        await expect(store.write(failingBody(randomBytes(100_000), failure))).rejects.toBe(failure);
        await expectNothingLeft();
      });

      it('rejects, without an unhandled error, a body that fails before its first byte', async () => {
        const failure = new Error('failed at once');
        const body = new Readable({ read() {} });
        const writing = store.write(body);
        body.destroy(failure);
        await expect(writing).rejects.toBe(failure);
        await expectNothingLeft();
      });

      it('rejects as aborted when the body closes before its end', async () => {
        await expectBlobError(store.write(failingBody(randomBytes(100_000))), 'aborted');
        await expectNothingLeft();
      });

      it('leaves nothing after many concurrent failures of every kind', async () => {
        // Failures racing the store's own setup (opening a temp file, say) are the ones that leak.
        const attempts = Array.from({ length: 40 }, (_, i) => {
          const data = randomBytes(i * 1000);
          switch (i % 4) {
            case 0:
              return store.write(failingBody(data));
            case 1:
              return store.write(failingBody(data, new Error('mid-way')));
            case 2:
              return store.write(bodyOf(data), { expectedSize: data.length + 1 });
            default:
              return store.write(bodyOf(data), { maxSize: data.length - 1 });
          }
        });
        const outcomes = await Promise.allSettled(attempts);
        expect(outcomes.every((o) => o.status === 'rejected')).toBe(true);
        await expectNothingLeft();
      });

      it('keeps the blobs that were already there', async () => {
        const { id } = await store.write(bodyOf(Buffer.from('keep me')));
        const before = await listAll();
        await expectBlobError(store.write(bodyOf(randomBytes(10)), { expectedSize: 11 }), 'incomplete');
        await expectNothingLeft(before);
        expect((await readAll(await store.read(id))).toString()).toBe('keep me');
      });
    });

    describe('delete', () => {
      it('removes a blob and tolerates repeats and unknown ids', async () => {
        const { id } = await store.write(bodyOf(Buffer.from('bye')));
        await store.delete(id);
        await store.delete(id);
        await store.delete('../../etc/passwd');
        await expectBlobError(store.read(id), 'not-found');
        expect(await listAll()).toEqual([]);
      });
    });

    describe('listCreatedBefore', () => {
      it('lists blobs created before the cutoff, with their size', async () => {
        const a = await store.write(bodyOf(Buffer.from('a')));
        const b = await store.write(bodyOf(Buffer.from('bb')));
        const listed = await listAll();
        expect(listed.map(({ id, size }) => ({ id, size }))).toEqual(
          [
            { id: a.id, size: 1 },
            { id: b.id, size: 2 },
          ].sort((x, y) => x.id.localeCompare(y.id)),
        );
        for (const blob of listed) {
          expect(blob.createdAt).toBeInstanceOf(Date);
          expect(Math.abs(blob.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
        }
      });

      it('leaves out blobs created after the cutoff', async () => {
        await store.write(bodyOf(Buffer.from('new')));
        const listed: StoredBlob[] = [];
        for await (const blob of store.listCreatedBefore(new Date(Date.now() - 60_000))) listed.push(blob);
        expect(listed).toEqual([]);
      });
    });

    describe('purgeTemporary', () => {
      it('never touches durable blobs', async () => {
        const { id } = await store.write(bodyOf(Buffer.from('durable')));
        expect(await store.purgeTemporary(new Date(Date.now() + 3_600_000))).toBe(0);
        expect((await readAll(await store.read(id))).toString()).toBe('durable');
      });
    });
  });
}
