import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describeBlobStoreContract } from '../testing/blob-store-contract';
import { bodyOf, readAll } from '../testing/streams';
import { FsBlobStore } from './fs-blob-store';

async function tempStore(): Promise<{ store: FsBlobStore; root: string; cleanup(): Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'gw-blob-'));
  return { store: await FsBlobStore.open(root), root, cleanup: () => rm(root, { recursive: true, force: true }) };
}

describeBlobStoreContract('FsBlobStore', async () => {
  const { store, root, cleanup } = await tempStore();
  return { store, cleanup, leftovers: () => readdir(join(root, 'tmp')) };
});

describe('FsBlobStore on disk', () => {
  let fixture: Awaited<ReturnType<typeof tempStore>>;
  beforeEach(async () => (fixture = await tempStore()));
  afterEach(() => fixture.cleanup());

  it('keeps a blob at data/<id[0..2]>/<id[2..4]>/<id> under a random hex id', async () => {
    const { id, size } = await fixture.store.write(bodyOf(Buffer.from('layout')));
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    const info = await stat(join(fixture.root, 'data', id.slice(0, 2), id.slice(2, 4), id));
    expect(info.size).toBe(size);
    expect(await readdir(join(fixture.root, 'tmp'))).toEqual([]);
  });

  it('writes into tmp/ and publishes nothing until the body has ended', async () => {
    const body = new Readable({ read() {} });
    const writing = fixture.store.write(body);
    body.push(randomBytes(1000));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await readdir(join(fixture.root, 'tmp'))).toHaveLength(1);
    expect(await readdir(join(fixture.root, 'data'))).toEqual([]);
    body.push(null);
    const { id } = await writing;
    expect(await readdir(join(fixture.root, 'tmp'))).toEqual([]);
    expect((await readAll(await fixture.store.read(id))).length).toBe(1000);
  });

  it('removes a temp file whose open completes only after the body has failed', async () => {
    // fs streams open through the fs module object; holding that open back lets the failure win
    // the race, which happens for real about once in a few hundred early failures.
    type OpenCallback = (error: NodeJS.ErrnoException | null, fd: number) => void;
    const realOpen = fs.open as unknown as (path: string, flags: string, mode: number, callback: OpenCallback) => void;
    let opened: Promise<void> | undefined;
    const slowOpen = jest.spyOn(fs, 'open').mockImplementation(((path: string, flags: string, mode: number, callback: OpenCallback) => {
      opened = new Promise((resolve) => {
        const done: OpenCallback = (error, fd) => {
          callback(error, fd);
          resolve();
        };
        setTimeout(() => realOpen(path, flags, mode, done), 50);
      });
    }) as unknown as typeof fs.open);
    try {
      const body = new Readable({ read() {} });
      const writing = fixture.store.write(body);
      body.destroy(new Error('failed at once'));
      await expect(writing).rejects.toThrow('failed at once');
      await opened;
    } finally {
      slowOpen.mockRestore();
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(await readdir(join(fixture.root, 'tmp'))).toEqual([]);
  });

  it('ignores foreign files in the data tree when listing', async () => {
    const { id } = await fixture.store.write(bodyOf(Buffer.from('real')));
    await writeFile(join(fixture.root, 'data', id.slice(0, 2), id.slice(2, 4), 'notes.txt'), 'x');
    await writeFile(join(fixture.root, 'data', id.slice(0, 2), id.slice(2, 4), 'f'.repeat(32)), 'misplaced');
    const listed = [];
    for await (const blob of fixture.store.listCreatedBefore(new Date(Date.now() + 60_000))) listed.push(blob.id);
    expect(listed).toEqual([id]);
  });

  it('purges temporary files older than the cutoff only', async () => {
    const tmp = join(fixture.root, 'tmp');
    const old = new Date(Date.now() - 48 * 3_600_000);
    await writeFile(join(tmp, 'a'.repeat(32)), 'crashed mid-write');
    await utimes(join(tmp, 'a'.repeat(32)), old, old);
    await writeFile(join(tmp, 'b'.repeat(32)), 'still being written');
    expect(await fixture.store.purgeTemporary(new Date(Date.now() - 3_600_000))).toBe(1);
    expect(await readdir(tmp)).toEqual(['b'.repeat(32)]);
  });

  it('rejects malformed ranges before touching the disk', async () => {
    const { id } = await fixture.store.write(bodyOf(Buffer.from('0123456789')));
    await expect(fixture.store.read(id, { start: 5, end: 4 })).rejects.toThrow(RangeError);
    await expect(fixture.store.read(id, { start: -1, end: 4 })).rejects.toThrow(RangeError);
  });

  it('streams a 20 MiB body in constant memory', async () => {
    // A forced GC makes the heap readings mean something; without one this test proves nothing.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const chunk = 256 * 1024;
    const total = 20 * 1024 * 1024;
    gc();
    const usage = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const baseline = usage();
    let peak = 0;
    async function* body() {
      for (let sent = 0; sent < total; sent += chunk) {
        if (sent % (4 * 1024 * 1024) === 0) {
          gc();
          peak = Math.max(peak, usage() - baseline);
        }
        yield randomBytes(chunk);
      }
    }
    const { size } = await fixture.store.write(Readable.from(body()), { checksums: ['crc32c', 'sha256'] });
    expect(size).toBe(total);
    expect(peak).toBeLessThan(8 * 1024 * 1024);
  });
});
