import type { Response } from 'express';
import type { CorsMatch } from '@gw/core';

/**
 * The Access-Control-* headers S3 answers a cross-origin request with, from the rule that
 * matched. A preflight also gets the allowed request headers (the ones it asked for).
 */
export function writeCorsHeaders(res: Response, match: CorsMatch, preflight: boolean): void {
  res.setHeader('Access-Control-Allow-Origin', match.allowOrigin);
  if (match.allowCredentials) res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Access-Control-Allow-Methods', match.allowMethods.join(', '));
  if (preflight && match.allowHeaders.length > 0) res.setHeader('Access-Control-Allow-Headers', match.allowHeaders.join(', '));
  if (match.exposeHeaders.length > 0) res.setHeader('Access-Control-Expose-Headers', match.exposeHeaders.join(', '));
  if (match.maxAgeSeconds !== undefined) res.setHeader('Access-Control-Max-Age', String(match.maxAgeSeconds));
}

/** Adds names to the Vary header, keeping any already there. */
export function addVary(res: Response, ...names: string[]): void {
  const current = res.getHeader('Vary');
  const existing = current === undefined ? [] : String(current).split(',').map((name) => name.trim()).filter(Boolean);
  const lower = new Set(existing.map((name) => name.toLowerCase()));
  res.setHeader('Vary', [...existing, ...names.filter((name) => !lower.has(name.toLowerCase()))].join(', '));
}
