import { ChecksumAlgorithm, createDigester } from '@gw/blob';

/**
 * S3's ETag of a multipart object: the MD5 of the concatenated binary MD5s of its parts, in hex,
 * then `-` and the number of parts. Clients (the AWS CLI, rclone) recompute it to verify uploads.
 */
export function multipartEtag(partMd5s: readonly string[]): string {
  const digester = createDigester(['md5']);
  for (const md5 of partMd5s) digester.update(Buffer.from(md5, 'hex'));
  return `${digester.digests().md5}-${partMd5s.length}`;
}

/**
 * S3's composite checksum of a multipart object: the checksum of the concatenated binary part
 * checksums (base64), then `-` and the number of parts. SDKs recognise the suffix and do not
 * compare it with a checksum of the whole body.
 */
export function compositeChecksum(algorithm: ChecksumAlgorithm, partChecksums: readonly string[]): string {
  const digester = createDigester([algorithm]);
  for (const checksum of partChecksums) digester.update(Buffer.from(checksum, 'base64'));
  return `${digester.digests()[algorithm]}-${partChecksums.length}`;
}
