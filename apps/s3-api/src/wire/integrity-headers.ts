import type { IncomingHttpHeaders } from 'node:http';
import { CHECKSUM_ALGORITHMS, ChecksumAlgorithm } from '@gw/core';
import { GatewayError, IntegrityExpectations } from '@gw/core';

/** Base64 lengths of each checksum's digest, to refuse a malformed value before reading a body. */
const DIGEST_BYTES: Record<ChecksumAlgorithm, number> = { crc32: 4, crc32c: 4, crc64nvme: 8, sha1: 20, sha256: 32 };

/**
 * What the client asked us to verify and store: Content-MD5, `x-amz-checksum-*` headers, a
 * checksum announced in `x-amz-trailer` (its value arrives after the body), and
 * `x-amz-sdk-checksum-algorithm`. Checksums in a presigned URL's query are ignored on purpose:
 * SDKs presign them over an empty body.
 */
export function readIntegrityHeaders(headers: IncomingHttpHeaders, trailers: () => Record<string, string>): IntegrityExpectations {
  const md5 = contentMd5(headers['content-md5']);
  const algorithms = new Set<ChecksumAlgorithm>();
  const fromHeaders: Partial<Record<ChecksumAlgorithm, string>> = {};
  for (const algorithm of CHECKSUM_ALGORITHMS) {
    const value = headers[`x-amz-checksum-${algorithm}`];
    if (typeof value !== 'string') continue;
    assertDigest(algorithm, value);
    algorithms.add(algorithm);
    fromHeaders[algorithm] = value;
  }
  const trailer = trailerAlgorithm(headers['x-amz-trailer']);
  if (trailer) algorithms.add(trailer);
  const sdkAlgorithm = headers['x-amz-sdk-checksum-algorithm'];
  if (typeof sdkAlgorithm === 'string') algorithms.add(checksumAlgorithm(sdkAlgorithm, 'x-amz-sdk-checksum-algorithm'));

  return {
    md5,
    checksums: [...algorithms],
    expectedChecksums: () => {
      const expected = { ...fromHeaders };
      if (trailer) {
        const value = trailers()[`x-amz-checksum-${trailer}`];
        if (value === undefined) throw new GatewayError('InvalidRequest', `The trailing x-amz-checksum-${trailer} was not received.`);
        assertDigest(trailer, value);
        expected[trailer] = value;
      }
      return expected;
    },
  };
}

function contentMd5(value: string | string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  const digest = Buffer.from(String(value), 'base64');
  if (digest.length !== 16 || digest.toString('base64') !== String(value)) throw new GatewayError('InvalidDigest');
  return digest.toString('hex');
}

function trailerAlgorithm(value: string | string[] | undefined): ChecksumAlgorithm | undefined {
  if (value === undefined) return undefined;
  const name = String(value).trim().toLowerCase();
  if (!name.startsWith('x-amz-checksum-')) throw new GatewayError('InvalidRequest', `Unsupported trailer ${name}.`);
  return checksumAlgorithm(name.slice('x-amz-checksum-'.length), 'x-amz-trailer');
}

function checksumAlgorithm(name: string, header: string): ChecksumAlgorithm {
  const algorithm = name.toLowerCase() as ChecksumAlgorithm;
  if (!CHECKSUM_ALGORITHMS.includes(algorithm)) throw new GatewayError('InvalidRequest', `Value for ${header} header is invalid.`);
  return algorithm;
}

function assertDigest(algorithm: ChecksumAlgorithm, value: string): void {
  const digest = Buffer.from(value, 'base64');
  if (digest.length !== DIGEST_BYTES[algorithm] || digest.toString('base64') !== value) {
    throw new GatewayError('InvalidRequest', `Value for x-amz-checksum-${algorithm} header is invalid.`);
  }
}
