import type { IncomingHttpHeaders } from 'node:http';
import { GatewayError } from '@gw/core';

/**
 * The size of the object a request body carries: `x-amz-decoded-content-length` for aws-chunked
 * bodies (Content-Length then counts the framing too), else Content-Length; undefined for a
 * chunked body of unknown length (the store still enforces the maximum object size).
 */
export function declaredObjectSize(headers: IncomingHttpHeaders): number | undefined {
  const decoded = headers['x-amz-decoded-content-length'];
  if (decoded !== undefined) return nonNegativeInteger(String(decoded), 'x-amz-decoded-content-length');
  const hash = String(headers['x-amz-content-sha256'] ?? '');
  if (hash.startsWith('STREAMING-')) {
    throw new GatewayError('MissingContentLength', 'An aws-chunked upload needs x-amz-decoded-content-length.');
  }
  const length = headers['content-length'];
  return length === undefined ? undefined : nonNegativeInteger(length, 'Content-Length');
}

function nonNegativeInteger(value: string, name: string): number {
  if (!/^\d{1,16}$/.test(value)) throw new GatewayError('InvalidArgument', `${name} must be a non-negative integer.`, { ArgumentName: name });
  return Number(value);
}

/** Content-Encoding to store: `aws-chunked` describes the transfer, not the object, so it is dropped. */
export function storedContentEncoding(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const kept = value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '' && v.toLowerCase() !== 'aws-chunked');
  return kept.length > 0 ? kept.join(', ') : undefined;
}
