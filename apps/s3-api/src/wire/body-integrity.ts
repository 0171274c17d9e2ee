import { createDigester } from '@gw/core';
import { GatewayError, IntegrityExpectations } from '@gw/core';
import type { S3Call } from '../routing/s3-operation';
import { readIntegrityHeaders } from './integrity-headers';
import { readSmallBody } from './small-body';

/**
 * A small request body (an XML document), read and checked against its Content-MD5 or
 * x-amz-checksum-* header: AWS SDK v3 sends CRC32 instead of Content-MD5 where S3 requires
 * one, and both are accepted. BadDigest on a mismatch.
 */
export async function readCheckedSmallBody(call: Pick<S3Call, 'req' | 'auth' | 'body'>): Promise<Buffer> {
  const body = await readSmallBody(call.body());
  verifyBodyIntegrity(body, readIntegrityHeaders(call.req.headers, call.auth.trailers));
  return body;
}

function verifyBodyIntegrity(body: Buffer, integrity: IntegrityExpectations): void {
  const digester = createDigester(['md5', ...(integrity.checksums ?? [])]);
  digester.update(body);
  const digests: Record<string, string | undefined> = digester.digests();
  if (integrity.md5 !== undefined && integrity.md5 !== digests.md5) throw new GatewayError('BadDigest');
  for (const [algorithm, value] of Object.entries(integrity.expectedChecksums?.() ?? {})) {
    if (digests[algorithm] !== value) throw new GatewayError('BadDigest');
  }
}
