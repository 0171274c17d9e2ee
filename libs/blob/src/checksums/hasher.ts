import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { ChecksumAlgorithm } from '../blob-store';
import { crc32c } from './crc32c';
import { Crc64Nvme } from './crc64nvme';

/** Every digest a blob write can produce: the S3 checksums plus MD5 (the ETag). */
export type DigestAlgorithm = ChecksumAlgorithm | 'md5';

/** One incremental digest; `digest()` is called once, after the last `update`. */
export interface Hasher {
  update(data: Uint8Array): void;
  /** The digest bytes, big-endian, as S3 encodes them. */
  digest(): Buffer;
}

export function createHasher(algorithm: DigestAlgorithm): Hasher {
  switch (algorithm) {
    case 'crc32':
      return crcHasher(crc32);
    case 'crc32c':
      return crcHasher(crc32c);
    case 'crc64nvme':
      return new Crc64Nvme();
    case 'md5':
    case 'sha1':
    case 'sha256':
      return createHash(algorithm);
    default:
      throw new RangeError(`unknown digest algorithm: ${String(algorithm)}`);
  }
}

function crcHasher(crc: (data: Uint8Array, value?: number) => number): Hasher {
  let value = 0;
  return {
    update(data) {
      value = crc(data, value);
    },
    digest() {
      const out = Buffer.allocUnsafe(4);
      out.writeUInt32BE(value, 0);
      return out;
    },
  };
}
