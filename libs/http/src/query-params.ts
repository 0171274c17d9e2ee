import type { Request } from 'express';

/**
 * The query string as sent: every parameter in order, repeated names and valueless flags
 * (`?uploads`, `?acl`) kept. S3 and Swift dispatch on these and sign over them, which a parsed
 * `req.query` object cannot represent.
 */
export function queryParams(req: Request): URLSearchParams {
  const query = req.originalUrl.indexOf('?');
  return new URLSearchParams(query < 0 ? '' : req.originalUrl.slice(query + 1));
}
