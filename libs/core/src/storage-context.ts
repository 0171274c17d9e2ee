import type { BlobStore, KeyWrapper } from '@gw/blob';
import type { Database } from '@gw/metadata';

/** What every core service works with: the metadata store, the blob store and the limits. */
export interface StorageContext {
  db: Database;
  blobs: BlobStore;
  region: string;
  limits: StorageLimits;
  /**
   * Wraps the data keys of encrypted blobs (the master key). openStorage always sets it; a
   * context built without it (tools that never touch object data) cannot write or read
   * encrypted objects.
   */
  keys?: KeyWrapper;
}

export interface StorageLimits {
  /** Largest single PUT body (S3: 5 GiB). */
  maxObjectSize: number;
  /** Largest total size of user metadata, keys plus values (S3: 2 KiB). */
  maxUserMetadataBytes: number;
}

export const DEFAULT_LIMITS: StorageLimits = {
  maxObjectSize: 5 * 1024 ** 3,
  maxUserMetadataBytes: 2048,
};
