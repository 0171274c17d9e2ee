import type { Readable } from 'node:stream';
import { GatewayError } from '@gw/core';

/** XML request bodies (configurations, multi-delete) are small: S3 caps them well below this. */
export const MAX_SMALL_BODY = 2 * 1024 * 1024;

/**
 * Reads a bounded request body into memory; past the limit it stops collecting and refuses.
 * The rest is read and discarded rather than the stream destroyed: destroying an unfinished
 * request closes its connection, and the client would never see the error answer.
 */
export function readSmallBody(body: Readable, limit = MAX_SMALL_BODY): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      body.off('data', onData).off('end', onEnd);
      body.resume();
      reject(new GatewayError('MalformedXML', 'The request body is too large.'));
    };
    const onEnd = (): void => resolve(Buffer.concat(chunks));
    // Stays attached: an error after giving up (the client going away) must not be unhandled.
    body.on('error', reject);
    body.on('data', onData).on('end', onEnd);
  });
}
