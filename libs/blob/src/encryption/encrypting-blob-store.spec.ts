import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BlobStore } from '../blob-store';
import { CHECKSUM_ALGORITHMS } from '../blob-store';
import { createDigester } from '../checksums/digester';
import { FsBlobStore } from '../fs/fs-blob-store';
import { describeBlobStoreContract } from '../testing/blob-store-contract';
import { bodyOf, readAll } from '../testing/streams';
import { AES_BLOCK } from './ctr-cipher';
import { BlobKey, EncryptingBlobStore } from './encrypting-blob-store';
import { MasterKeyWrapper } from './key-wrapper';

async function tempStores() {
  const root = await mkdtemp(join(tmpdir(), 'gw-enc-blob-'));
  const inner = await FsBlobStore.open(root);
  const wrapper = new MasterKeyWrapper(randomBytes(32));
  return {
    root,
    inner,
    wrapper,
    encrypting: new EncryptingBlobStore(inner, wrapper),
    blobPath: (id: string) => join(root, 'data', id.slice(0, 2), id.slice(2, 4), id),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

/**
 * The encrypting store as a plain BlobStore: the keys its writes return are kept here, as the
 * metadata rows keep them, and handed back on reads. Every write of the contract is encrypted.
 */
function keepingKeys(encrypting: EncryptingBlobStore, inner: BlobStore, wrapper: MasterKeyWrapper): BlobStore {
  const keys = new Map<string, BlobKey>();
  const unknown: BlobKey = { wrappedKey: wrapper.wrap(randomBytes(32)), iv: randomBytes(16).toString('base64') };
  return {
    async write(source, options) {
      const { key, ...result } = await encrypting.write(source, options);
      keys.set(result.id, key);
      return result;
    },
    read: (id, range) => encrypting.read(id, keys.get(id) ?? unknown, range),
    delete: (id) => inner.delete(id),
    listCreatedBefore: (before) => inner.listCreatedBefore(before),
    purgeTemporary: (before) => inner.purgeTemporary(before),
  };
}

describeBlobStoreContract('EncryptingBlobStore over FsBlobStore', async () => {
  const { root, inner, wrapper, encrypting, cleanup } = await tempStores();
  return { store: keepingKeys(encrypting, inner, wrapper), cleanup, leftovers: () => readdir(join(root, 'tmp')) };
});

describe('EncryptingBlobStore', () => {
  let s: Awaited<ReturnType<typeof tempStores>>;
  beforeEach(async () => (s = await tempStores()));
  afterEach(() => s.cleanup());

  it('keeps only ciphertext on disk, with a fresh key and counter per blob', async () => {
    const plaintext = Buffer.from('attack at dawn. '.repeat(4096));
    const a = await s.encrypting.write(bodyOf(plaintext));
    const b = await s.encrypting.write(bodyOf(plaintext));
    const onDisk = await readFile(s.blobPath(a.id));
    expect(onDisk.length).toBe(plaintext.length);
    expect(onDisk.equals(plaintext)).toBe(false);
    expect(onDisk.includes(Buffer.from('attack at dawn'))).toBe(false);
    expect((await readFile(s.blobPath(b.id))).equals(onDisk)).toBe(false);
    expect(a.key.wrappedKey).not.toBe(b.key.wrappedKey);
    expect(a.key.iv).not.toBe(b.key.iv);
    expect(Buffer.from(a.key.iv, 'base64')).toHaveLength(16);
  });

  it('reports size, MD5 and checksums of the plaintext', async () => {
    const plaintext = randomBytes(70_000);
    const result = await s.encrypting.write(bodyOf(plaintext), { checksums: CHECKSUM_ALGORITHMS });
    const expected = createDigester(CHECKSUM_ALGORITHMS);
    expected.update(plaintext);
    expect(result).toMatchObject({ size: plaintext.length, md5: createHash('md5').update(plaintext).digest('hex'), checksums: expected.digests() });
    expect((await readAll(await s.encrypting.read(result.id, result.key))).equals(plaintext)).toBe(true);
    // The inner store sees the ciphertext: its own MD5 would be another one.
    expect(createHash('md5').update(await readFile(s.blobPath(result.id))).digest('hex')).not.toBe(result.md5);
  });

  it('decrypts ranges starting at every offset mod 16, around and across block boundaries', async () => {
    const plaintext = randomBytes(10 * AES_BLOCK + 5);
    const { id, key } = await s.encrypting.write(bodyOf(plaintext, 7));
    for (let start = 0; start < 3 * AES_BLOCK; start++) {
      for (const end of [start, start + AES_BLOCK - (start % AES_BLOCK) - 1, start + AES_BLOCK, plaintext.length - 1]) {
        const bytes = await readAll(await s.encrypting.read(id, key, { start, end }));
        expect({ start, end, ok: bytes.equals(plaintext.subarray(start, end + 1)) }).toEqual({ start, end, ok: true });
      }
    }
  });

  it('never yields plaintext for a key from another master key; rejects before opening a stream', async () => {
    const { id, key } = await s.encrypting.write(bodyOf(randomBytes(100)));
    const other = new EncryptingBlobStore(s.inner, new MasterKeyWrapper(randomBytes(32)));
    await expect(other.read(id, key)).rejects.toThrow('does not unwrap');
  });

  it('reads of a missing blob are not-found, whatever the key', async () => {
    const { key } = await s.encrypting.write(bodyOf(Buffer.from('x')));
    await expect(s.encrypting.read('0123456789abcdef0123456789abcdef', key)).rejects.toMatchObject({ kind: 'not-found' });
  });
});
