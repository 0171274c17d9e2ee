// The dialect-neutral decision on a CORS preflight (`OPTIONS` with Origin and
// Access-Control-Request-Method): what the browser asks, then whether the bucket's rules allow it.
import type { IncomingHttpHeaders } from 'node:http';
import { CORS_METHODS, CorsConfiguration, CorsMatch, CorsRequest, matchCors } from '@gw/core';

/**
 * Why a preflight gets no CORS answer; each dialect renders it its own way:
 * - `no-origin`: no Origin header (not a CORS preflight at all);
 * - `bad-method`: no Access-Control-Request-Method, or one no rule can allow;
 * - `no-bucket`: the path names no bucket (the S3 service, a Swift account);
 * - `unknown-bucket`: the path names a bucket that cannot be found, or told apart without an account;
 * - `no-cors`: the bucket has no CORS rules (cross-origin requests are refused by default);
 * - `no-match`: no rule allows this origin, method and these request headers.
 */
export interface PreflightRefusal {
  reason: 'no-origin' | 'bad-method' | 'no-bucket' | 'unknown-bucket' | 'no-cors' | 'no-match';
  /** The asked Access-Control-Request-Method, when there was one. */
  method?: string;
}

/** What a preflight asks, or why it is not a usable one. */
export function readPreflight(headers: IncomingHttpHeaders): CorsRequest | PreflightRefusal {
  const origin = singleHeader(headers, 'origin');
  if (!origin) return { reason: 'no-origin' };
  const method = singleHeader(headers, 'access-control-request-method');
  if (!method || !(CORS_METHODS as readonly string[]).includes(method)) return { reason: 'bad-method', ...(method ? { method } : {}) };
  const requestHeaders = singleHeader(headers, 'access-control-request-headers')?.split(',') ?? [];
  return { origin, method, requestHeaders };
}

/** The matching rule's answer to the preflight, or why the bucket's rules refuse it. */
export function decidePreflight(cors: CorsConfiguration | undefined, request: CorsRequest): CorsMatch | PreflightRefusal {
  if (!cors) return { reason: 'no-cors', method: request.method };
  return matchCors(cors, request) ?? { reason: 'no-match', method: request.method };
}

export const isRefusal = (answer: object): answer is PreflightRefusal => 'reason' in answer;

/** A header sent once; a repeated one (an array) is as good as absent. */
export function singleHeader(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return typeof value === 'string' ? value : undefined;
}
