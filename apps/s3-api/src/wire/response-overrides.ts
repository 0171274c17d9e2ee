import type { Response } from 'express';
import { GatewayError } from '@gw/core';
import type { S3Call } from '../routing/s3-operation';

/** GetObject's `response-*` query parameters and the header each one replaces. */
const OVERRIDES: Record<string, string> = {
  'response-content-type': 'Content-Type',
  'response-content-language': 'Content-Language',
  'response-expires': 'Expires',
  'response-cache-control': 'Cache-Control',
  'response-content-disposition': 'Content-Disposition',
  'response-content-encoding': 'Content-Encoding',
};

// What Node accepts in a header value: anything else would make setHeader throw (a 500).
const INVALID_HEADER_VALUE = /[^\t\x20-\x7e\x80-\xff]/;

/**
 * The headers a GET or HEAD asks to be answered with instead of the stored ones (a presigned
 * download link that names the file, say). S3 honours them on signed requests only; an
 * anonymous request carrying one is InvalidRequest. Read before the object is, so a refusal
 * opens nothing.
 */
export function readResponseOverrides(call: Pick<S3Call, 'query' | 'principal'>): Record<string, string> {
  const overrides: Record<string, string> = {};
  for (const [parameter, header] of Object.entries(OVERRIDES)) {
    const value = call.query.get(parameter);
    if (value === null) continue;
    if (INVALID_HEADER_VALUE.test(value)) {
      throw new GatewayError('InvalidArgument', `Invalid value for ${parameter}.`, { ArgumentName: parameter, ArgumentValue: value });
    }
    overrides[header] = value;
  }
  if (Object.keys(overrides).length > 0 && call.principal.kind !== 'user') {
    throw new GatewayError('InvalidRequest', 'Request specific response headers cannot be used for anonymous GET requests.');
  }
  return overrides;
}

export function writeResponseOverrides(res: Response, overrides: Record<string, string>): void {
  for (const [header, value] of Object.entries(overrides)) res.setHeader(header, value);
}
