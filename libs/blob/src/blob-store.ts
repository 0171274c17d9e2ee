import type { Readable } from 'node:stream';

/** Checksum algorithms S3 clients send (`x-amz-checksum-*`); values are base64 of the digest. */
export type ChecksumAlgorithm = 'crc32' | 'crc32c' | 'crc64nvme' | 'sha1' | 'sha256';
export const CHECKSUM_ALGORITHMS: readonly ChecksumAlgorithm[] = ['crc32', 'crc32c', 'crc64nvme', 'sha1', 'sha256'];

export interface BlobWriteOptions {
  /** Extra digests to compute while the bytes pass (MD5 is always computed). */
  checksums?: readonly ChecksumAlgorithm[];
  /** When set, a body of any other length fails (BlobError `incomplete`) and nothing is kept. */
  expectedSize?: number;
  /** Upper bound: a longer body fails (BlobError `too-large`) as soon as it crosses it; nothing is kept. */
  maxSize?: number;
}

export interface BlobWriteResult {
  /** Opaque id; never derived from an object key. */
  id: string;
  size: number;
  /** Hex MD5 of the stored bytes. */
  md5: string;
  /** Base64 digests of the requested checksum algorithms. */
  checksums: Partial<Record<ChecksumAlgorithm, string>>;
}

/** Inclusive byte range, as HTTP ranges are. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface StoredBlob {
  id: string;
  size: number;
  /** When the blob became durable (file mtime); the sweeper's grace period counts from here. */
  createdAt: Date;
}

/**
 * Where object bytes live. Implementations take and return streams and never hold a body in
 * memory. A blob is durable when `write` resolves, and immutable afterwards.
 */
export interface BlobStore {
  /**
   * Streams `source` into a new blob. Resolves once the bytes are durable (fsync + atomic
   * rename). On any failure (source error, size mismatch, disk error) nothing is left behind
   * and the promise rejects: with the source's own error if it raised one, BlobError `aborted`
   * if it closed before its end, BlobError `incomplete` / `too-large` for size rules.
   */
  write(source: Readable, options?: BlobWriteOptions): Promise<BlobWriteResult>;
  /**
   * Streams a blob or a byte range of it (resolved against the size by the caller). Rejects with
   * BlobError `not-found` when the blob does not exist or the id is not one this store issues.
   */
  read(id: string, range?: ByteRange): Promise<Readable>;
  /** Removes a blob; removing a missing blob is not an error. */
  delete(id: string): Promise<void>;
  /** Lists durable blobs created before `before` (for the orphan sweeper). */
  listCreatedBefore(before: Date): AsyncIterable<StoredBlob>;
  /** Removes abandoned temporary files older than `before` (left by a crash mid-write). */
  purgeTemporary(before: Date): Promise<number>;
}
