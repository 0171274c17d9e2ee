import type { Request } from 'express';

/** Headers Swift keeps with an object and returns on GET/HEAD, as S3 does. */
const STORED_HEADERS = ['content-encoding', 'content-disposition', 'cache-control', 'content-language', 'expires'];

/** The stored headers a PUT or a copy request sends, by lower-case name. */
export function readStoredHeaders(req: Request): Record<string, string> {
  return Object.fromEntries(STORED_HEADERS.flatMap((name) => (req.get(name) === undefined ? [] : [[name, req.get(name)!]])));
}
