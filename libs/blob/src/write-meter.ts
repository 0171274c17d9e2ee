import { Transform, type TransformCallback } from 'node:stream';
import type { BlobWriteOptions, BlobWriteResult, ChecksumAlgorithm } from './blob-store';
import { createDigester, type Digester } from './checksums/digester';
import { BlobError } from './errors';

/**
 * The pass-through every BlobStore puts between a body and its storage: counts bytes, fails as
 * soon as the size rules are broken (so an oversized body is never written to the end), and
 * digests MD5 plus the requested checksums on the way.
 */
export class WriteMeter extends Transform {
  private bytes = 0;
  private readonly digester: Digester<ChecksumAlgorithm | 'md5'>;
  private readonly expectedSize?: number;
  private readonly maxSize?: number;

  constructor(options: BlobWriteOptions = {}) {
    super();
    this.digester = createDigester(['md5', ...(options.checksums ?? [])]);
    this.expectedSize = options.expectedSize;
    this.maxSize = options.maxSize;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const bytes = this.bytes + chunk.length;
    if (this.maxSize !== undefined && bytes > this.maxSize) {
      callback(new BlobError('too-large', `body exceeds the maximum of ${this.maxSize} bytes`));
    } else if (this.expectedSize !== undefined && bytes > this.expectedSize) {
      callback(new BlobError('incomplete', `body is longer than the announced ${this.expectedSize} bytes`));
    } else {
      this.bytes = bytes;
      this.digester.update(chunk);
      callback(null, chunk);
    }
  }

  override _flush(callback: TransformCallback): void {
    if (this.expectedSize !== undefined && this.bytes !== this.expectedSize) {
      callback(new BlobError('incomplete', `body ended after ${this.bytes} of ${this.expectedSize} bytes`));
    } else {
      callback();
    }
  }

  /** Size and digests of the body; call only after the stream has ended without error. */
  result(): Omit<BlobWriteResult, 'id'> {
    const { md5, ...checksums } = this.digester.digests();
    return { size: this.bytes, md5, checksums };
  }
}
