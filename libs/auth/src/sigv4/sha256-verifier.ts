import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { GatewayError } from '@gw/core';

/**
 * Pass-through that hashes the body and, at its end, fails with XAmzContentSHA256Mismatch when the
 * sha256 differs from the x-amz-content-sha256 the client signed. Bytes flow out before the check,
 * so the consumer must treat the error as an abort (stream.pipeline does).
 */
export function createSha256Verifier(expectedHex: string): Transform {
  const hash = createHash('sha256');
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      hash.update(chunk);
      callback(null, chunk);
    },
    flush(callback: TransformCallback) {
      const computed = hash.digest('hex');
      if (computed === expectedHex) {
        callback();
        return;
      }
      callback(
        new GatewayError('XAmzContentSHA256Mismatch', undefined, {
          ClientComputedContentSHA256: expectedHex,
          S3ComputedContentSHA256: computed,
        }),
      );
    },
  });
}
