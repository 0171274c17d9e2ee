import { Transform, type TransformCallback } from 'node:stream';
import { createDigester, type Digester, type Digests } from './digester';
import type { DigestAlgorithm } from './hasher';

/** A pass-through stream that digests the bytes flowing through it. */
export interface DigestStream<A extends DigestAlgorithm = DigestAlgorithm> extends Transform {
  /** Bytes seen so far. */
  readonly bytes: number;
  /** The digests; throws until every byte has passed (the stream has ended). */
  digests(): Digests<A>;
}

class DigestTransform<A extends DigestAlgorithm> extends Transform implements DigestStream<A> {
  bytes = 0;
  private readonly digester: Digester<A>;
  private ended = false;

  constructor(algorithms: readonly A[]) {
    super();
    this.digester = createDigester(algorithms);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.digester.update(chunk);
    this.bytes += chunk.length;
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.ended = true;
    callback();
  }

  digests(): Digests<A> {
    // A digest of a prefix would silently validate a truncated body.
    if (!this.ended) throw new Error('digests are only known once the stream has ended');
    return this.digester.digests();
  }
}

export function createDigestStream<A extends DigestAlgorithm>(algorithms: readonly A[]): DigestStream<A> {
  return new DigestTransform(algorithms);
}
