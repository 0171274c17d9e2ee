import type { Request } from 'express';
import type { GatewayError } from '@gw/core';

/**
 * Reads a request body that must be small (JSON documents, manifests, XML lists) into memory,
 * refusing it with `tooLarge()` as soon as it passes `maxBytes`, so memory stays bounded.
 */
export async function readBoundedBody(req: Request, maxBytes: number, tooLarge: () => GatewayError): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
