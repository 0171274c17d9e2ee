export { CHECKSUM_ALGORITHMS } from './blob-store';
export type {
  BlobStore,
  BlobWriteOptions,
  BlobWriteResult,
  ByteRange,
  ChecksumAlgorithm,
  StoredBlob,
} from './blob-store';
export { crc32c, Crc64Nvme, createDigester, createDigestStream, encodeDigest, isChecksumAlgorithm } from './checksums';
export type { DigestAlgorithm, Digester, Digests, DigestStream } from './checksums';
export { BlobError, isBlobError } from './errors';
export type { BlobErrorKind } from './errors';
export { FsBlobStore } from './fs/fs-blob-store';
export { EncryptingBlobStore } from './encryption/encrypting-blob-store';
export type { BlobKey, EncryptedBlobWriteResult } from './encryption/encrypting-blob-store';
export { MasterKeyWrapper } from './encryption/key-wrapper';
export type { KeyWrapper } from './encryption/key-wrapper';
export { loadOrCreateKeyFile } from './encryption/key-file';
export { loadOrCreateMasterKey } from './encryption/master-key';
