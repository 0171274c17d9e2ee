/**
 * The CompleteMultipartUpload request document (S3 API reference), shared by the S3 operation and
 * the Swift multipart extension, which takes the same XML.
 *
 * API: `completedPartsOf(document)` -> `CompletedPart[]` from `parseXml`'s result: a part number
 * and an ETag (quoted or not) per `<Part>`, and the part checksums listed (`ChecksumCRC32`, ...).
 * MalformedXML when the root, a number or an ETag is missing, or no part is listed.
 */
import { CompletedPart, GatewayError, isChecksumAlgorithm } from '@gw/core';
import { childText, children } from './xml';

export function completedPartsOf(document: Record<string, unknown>): CompletedPart[] {
  const root = document.CompleteMultipartUpload;
  if (root === undefined) throw new GatewayError('MalformedXML');
  const parts = children(root, 'Part').map((part) => {
    const number = childText(part, 'PartNumber')?.trim();
    const etag = childText(part, 'ETag');
    if (number === undefined || !/^\d{1,9}$/.test(number) || etag === undefined) throw new GatewayError('MalformedXML');
    const checksums: CompletedPart['checksums'] = {};
    for (const name of Object.keys(part as object)) {
      const algorithm = name.startsWith('Checksum') ? name.slice('Checksum'.length).toLowerCase() : undefined;
      const text = childText(part, name);
      if (isChecksumAlgorithm(algorithm) && text !== undefined) checksums[algorithm] = text.trim();
    }
    return { partNumber: Number(number), etag, checksums };
  });
  if (parts.length === 0) throw new GatewayError('MalformedXML', 'You must specify at least one part.');
  return parts;
}
