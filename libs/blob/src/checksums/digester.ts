import { CHECKSUM_ALGORITHMS, type ChecksumAlgorithm } from '../blob-store';
import { createHasher, type DigestAlgorithm, type Hasher } from './hasher';

/** Encoded digests: MD5 as hex (what ETags carry), the S3 checksums as base64. */
export type Digests<A extends DigestAlgorithm = DigestAlgorithm> = Record<A, string>;

/** Feeds the same bytes to several hashers at once. */
export interface Digester<A extends DigestAlgorithm = DigestAlgorithm> {
  update(data: Uint8Array): void;
  /** Final digests; later calls return the same object, and `update` is no longer allowed. */
  digests(): Digests<A>;
}

export function createDigester<A extends DigestAlgorithm>(algorithms: readonly A[]): Digester<A> {
  const hashers = [...new Set(algorithms)].map((algorithm) => [algorithm, createHasher(algorithm)] as [A, Hasher]);
  let result: Digests<A> | undefined;
  return {
    update(data) {
      if (result) throw new Error('digester already finalized');
      for (const [, hasher] of hashers) hasher.update(data);
    },
    digests() {
      result ??= Object.fromEntries(hashers.map(([algorithm, hasher]) => [algorithm, encodeDigest(algorithm, hasher.digest())])) as Digests<A>;
      return result;
    },
  };
}

/** How S3 writes a digest on the wire: hex for MD5, base64 for the `x-amz-checksum-*` family. */
export function encodeDigest(algorithm: DigestAlgorithm, digest: Buffer): string {
  return digest.toString(algorithm === 'md5' ? 'hex' : 'base64');
}

/** Narrows a header-derived name (`x-amz-checksum-crc32c` -> `crc32c`) to a supported algorithm. */
export function isChecksumAlgorithm(name: unknown): name is ChecksumAlgorithm {
  return typeof name === 'string' && (CHECKSUM_ALGORITHMS as readonly string[]).includes(name);
}
