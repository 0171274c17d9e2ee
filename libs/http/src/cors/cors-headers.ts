// Writing the CORS answer: the Access-Control-* headers of the rule that matched, and Vary.
import type { ServerResponse } from 'node:http';
import type { CorsMatch } from '@gw/core';

/**
 * The Access-Control-* headers a cross-origin request is answered with, from the rule that
 * matched (the same on every dialect). A preflight also gets the allowed request headers (the
 * ones it asked for: a literal `*` would not cover credentialed requests in browsers).
 */
export function writeCorsHeaders(res: ServerResponse, match: CorsMatch, preflight: boolean): void {
  res.setHeader('Access-Control-Allow-Origin', match.allowOrigin);
  if (match.allowCredentials) res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Access-Control-Allow-Methods', match.allowMethods.join(', '));
  if (preflight && match.allowHeaders.length > 0) res.setHeader('Access-Control-Allow-Headers', match.allowHeaders.join(', '));
  if (match.exposeHeaders.length > 0) res.setHeader('Access-Control-Expose-Headers', match.exposeHeaders.join(', '));
  if (match.maxAgeSeconds !== undefined) res.setHeader('Access-Control-Max-Age', String(match.maxAgeSeconds));
}

/** Adds names to the Vary header, keeping any already there. */
export function addVary(res: ServerResponse, ...names: string[]): void {
  const current = res.getHeader('Vary');
  const existing = current === undefined ? [] : String(current).split(',').map((name) => name.trim()).filter(Boolean);
  const lower = new Set(existing.map((name) => name.toLowerCase()));
  res.setHeader('Vary', [...existing, ...names.filter((name) => !lower.has(name.toLowerCase()))].join(', '));
}
