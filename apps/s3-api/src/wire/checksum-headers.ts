import type { Response } from 'express';

/** `x-amz-checksum-*` answer headers of a write: the stored checksums of the algorithms named. */
export function writeChecksumHeaders(res: Response, checksums: Record<string, string>, algorithms: readonly string[] = Object.keys(checksums)): void {
  for (const algorithm of algorithms) {
    const value = checksums[algorithm];
    if (value) res.setHeader(`x-amz-checksum-${algorithm}`, value);
  }
}

/** The same checksums as the elements of an XML answer (`ChecksumCRC32`, ...). */
export function checksumElements(checksums: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(checksums).map(([algorithm, value]) => [`Checksum${algorithm.toUpperCase()}`, value]));
}
