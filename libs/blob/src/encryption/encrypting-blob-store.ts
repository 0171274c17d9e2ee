import { randomBytes } from 'node:crypto';
import { pipeline, type Readable } from 'node:stream';
import type { BlobStore, BlobWriteOptions, BlobWriteResult, ByteRange } from '../blob-store';
import { WriteMeter } from '../write-meter';
import { AES_BLOCK, ctrCipherAt } from './ctr-cipher';
import type { KeyWrapper } from './key-wrapper';

/**
 * What it takes to read one encrypted blob back. The caller keeps it with the blob's reference
 * (the object or part row), never in the blob store: a copy of the blobs alone is ciphertext.
 */
export interface BlobKey {
  /** The blob's own 256-bit data key, wrapped by the master key. */
  wrappedKey: string;
  /** Base64 of the 16-byte CTR counter block of the blob's first byte. */
  iv: string;
}

export interface EncryptedBlobWriteResult extends BlobWriteResult {
  key: BlobKey;
}

// pipeline's callback: a failure reaches the consumer as the last stream's error.
const ignore = (): void => undefined;

/**
 * Encryption at rest over any BlobStore. Each blob gets a random data key and counter block and
 * is stored AES-256-CTR encrypted, so a byte range decrypts on its own (see ctrCipherAt). Sizes,
 * MD5 and checksums are those of the plaintext, as S3 reports them for SSE-S3 objects; the
 * size rules hold as for a plain write. Ids, deletion, listing and temp-file purging are the
 * inner store's: an encrypted blob is an ordinary blob there.
 */
export class EncryptingBlobStore {
  constructor(
    private readonly inner: BlobStore,
    private readonly keys: KeyWrapper,
  ) {}

  async write(source: Readable, options: BlobWriteOptions = {}): Promise<EncryptedBlobWriteResult> {
    const dataKey = randomBytes(32);
    const iv = randomBytes(AES_BLOCK);
    const key = { wrappedKey: this.keys.wrap(dataKey), iv: iv.toString('base64') };
    const meter = new WriteMeter(options);
    // Wired synchronously, before anything is awaited: a source that fails at once is already
    // listened to. A failure anywhere destroys the cipher stream with it, so the inner store
    // rejects with that very error and removes what it had started.
    const ciphertext = pipeline(source, meter, ctrCipherAt(dataKey, iv), ignore);
    const stored = await this.inner.write(ciphertext);
    return { ...meter.result(), id: stored.id, key };
  }

  /** The plaintext of a blob, or of an inclusive byte range of it. */
  async read(id: string, key: BlobKey, range?: ByteRange): Promise<Readable> {
    // The inner read first: a missing blob is not-found whatever the key.
    const ciphertext = await this.inner.read(id, range);
    try {
      const cipher = ctrCipherAt(this.keys.unwrap(key.wrappedKey), Buffer.from(key.iv, 'base64'), range?.start ?? 0);
      return pipeline(ciphertext, cipher, ignore);
    } catch (error) {
      ciphertext.destroy();
      throw error;
    }
  }
}
