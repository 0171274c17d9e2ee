import type { Request } from 'express';
import { GatewayError } from '@gw/core';

/** Identity requests are a few hundred bytes; anything far larger is refused unread. */
const MAX_JSON_BODY = 64 * 1024;

/** Reads a small JSON request body; MalformedJSON when it is not JSON, EntityTooLarge when too large. */
export async function readJsonBody(req: Request): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_JSON_BODY) throw new GatewayError('EntityTooLarge');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new GatewayError('MalformedJSON');
  }
}
