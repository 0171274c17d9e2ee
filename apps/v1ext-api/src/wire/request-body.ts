import express, { Request, Response } from 'express';
import { GatewayError } from '@gw/core';

/** /v1_ext bodies are small JSON or XML documents; anything larger is refused (413). */
export const MAX_V1EXT_BODY = 1024 * 1024;

const rawBody = express.raw({ type: () => true, limit: MAX_V1EXT_BODY });

/** The request body, bounded; empty when there is none. */
export function readBody(req: Request, res: Response): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    rawBody(req, res, (error?: unknown) => {
      if (error) reject(error);
      else resolve(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
    });
  });
}

/** The request body as JSON; undefined for an empty body, MalformedJSON for anything not JSON. */
export async function readJsonBody(req: Request, res: Response): Promise<unknown> {
  const body = await readBody(req, res);
  if (body.toString('utf8').trim() === '') return undefined;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new GatewayError('MalformedJSON');
  }
}

/** A JSON body that must be an object (400 otherwise). */
export async function readJsonObject(req: Request, res: Response): Promise<Record<string, unknown>> {
  const body = await readJsonBody(req, res);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new GatewayError('MalformedJSON', 'The request body must be a JSON object.');
  return body as Record<string, unknown>;
}
