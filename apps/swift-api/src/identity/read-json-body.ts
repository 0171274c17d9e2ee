import type { Request } from 'express';
import { GatewayError } from '@gw/core';
import { readBoundedBody } from '../wire/bounded-body';

/** Identity requests are a few hundred bytes; anything far larger is refused unread. */
const MAX_JSON_BODY = 64 * 1024;

/** Reads a small JSON request body; MalformedJSON when it is not JSON, EntityTooLarge when too large. */
export async function readJsonBody(req: Request): Promise<unknown> {
  const body = await readBoundedBody(req, MAX_JSON_BODY, () => new GatewayError('EntityTooLarge'));
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new GatewayError('MalformedJSON');
  }
}
