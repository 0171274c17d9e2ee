import type { Request } from 'express';
import { GatewayError } from '@gw/core';
import { queryParams } from '@gw/http';
import { readSmallBody } from '../wire/small-body';

/** An STS call is a handful of short parameters; the token is the longest (AWS caps it at 20,000). */
const MAX_STS_BODY = 64 * 1024;

/**
 * The parameters of an STS call, by name: the query string, then the body, which is a form
 * (`application/x-www-form-urlencoded`, what AWS SDKs send) or the JSON object the KakaoCloud
 * document shows (`{"Action": "AssumeRoleWithWebIdentity", "DurationSeconds": 1800, ...}`).
 */
export async function readStsParams(req: Request): Promise<Map<string, string>> {
  const params = new Map(queryParams(req));
  const body = await readSmallBody(req, MAX_STS_BODY).catch((error: unknown) => {
    if (error instanceof GatewayError && error.code === 'MalformedXML') throw new GatewayError('ValidationError', 'The request body is too large.');
    throw error;
  });
  if (body.length === 0) return params;
  const fromBody = /\bjson\b/i.test(req.headers['content-type'] ?? '') ? jsonParams(body) : new URLSearchParams(body.toString('utf8'));
  for (const [name, value] of fromBody) params.set(name, value);
  return params;
}

function jsonParams(body: Buffer): Array<[string, string]> {
  let document: unknown;
  try {
    document = JSON.parse(body.toString('utf8'));
  } catch {
    throw new GatewayError('InvalidParameterValue', 'The request body is not valid JSON.');
  }
  if (!document || typeof document !== 'object' || Array.isArray(document)) {
    throw new GatewayError('InvalidParameterValue', 'The request body must be a JSON object of parameters.');
  }
  return Object.entries(document).map(([name, value]) => {
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new GatewayError('InvalidParameterValue', `The value of ${name} must be a string or a number.`);
    }
    return [name, String(value)];
  });
}

/** An integer parameter (DurationSeconds), undefined when absent. */
export function integerParam(params: Map<string, string>, name: string): number | undefined {
  const value = params.get(name);
  if (value === undefined) return undefined;
  if (!/^-?\d{1,15}$/.test(value)) {
    throw new GatewayError('InvalidParameterValue', `Value '${value}' for parameter ${name} is invalid. It must be an integer.`);
  }
  return Number(value);
}
