import type { Readable } from 'node:stream';
import { GatewayError } from '@gw/core';

/** XML request bodies (configurations, multi-delete) are small: S3 caps them well below this. */
export const MAX_SMALL_BODY = 2 * 1024 * 1024;

/** Reads a bounded request body into memory; a larger one is refused before it is read. */
export async function readSmallBody(body: Readable, limit = MAX_SMALL_BODY): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      body.destroy();
      throw new GatewayError('MalformedXML', 'The request body is too large.');
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
