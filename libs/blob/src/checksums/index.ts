export { crc32c } from './crc32c';
export { Crc64Nvme } from './crc64nvme';
export { createHasher } from './hasher';
export type { DigestAlgorithm, Hasher } from './hasher';
export { createDigester, encodeDigest, isChecksumAlgorithm } from './digester';
export type { Digester, Digests } from './digester';
export { createDigestStream } from './digest-stream';
export type { DigestStream } from './digest-stream';
