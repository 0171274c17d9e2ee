import type { Readable } from 'node:stream';
import { BlobWriteOptions, BlobWriteResult, ByteRange, EncryptingBlobStore } from '@gw/blob';
import type { ServerSideEncryption, StoredBlobKey } from '@gw/metadata';
import type { StorageContext } from './storage-context';

/** A new durable blob and, when it was written encrypted, the key its reference must keep. */
export interface WrittenBlob extends BlobWriteResult {
  key?: StoredBlobKey;
}

/** What an object or part row holds of a blob: its id, and its key when it is encrypted. */
export interface BlobReference {
  blobId: string;
  blobKey?: StoredBlobKey;
}

/**
 * The one way core writes object data: in clear, or encrypted at rest when `encryption` is set
 * (a data key of its own per blob, wrapped by the master key; see EncryptingBlobStore).
 */
export function storeBlob(ctx: StorageContext, body: Readable, options: BlobWriteOptions, encryption?: ServerSideEncryption): Promise<WrittenBlob> {
  return encryption ? encryptingStore(ctx).write(body, options) : ctx.blobs.write(body, options);
}

/** The one way core reads object data: the plaintext of the referenced blob, or of a byte range of it. */
export function openBlob(ctx: StorageContext, reference: BlobReference, range?: ByteRange): Promise<Readable> {
  return reference.blobKey ? encryptingStore(ctx).read(reference.blobId, reference.blobKey, range) : ctx.blobs.read(reference.blobId, range);
}

function encryptingStore(ctx: StorageContext): EncryptingBlobStore {
  // A wiring bug, not a client error: every process that serves objects opens the storage with the key.
  if (!ctx.keys) throw new Error('The storage was opened without the master key: encrypted objects cannot be written or read.');
  return new EncryptingBlobStore(ctx.blobs, ctx.keys);
}
