import { errorStatusMap, TOKEN_AUTH_FAILURES } from '@gw/http';

/**
 * The HTTP status each catalogue error answers with on the Swift wire. Swift has no error codes,
 * only statuses: codes S3 answers with a status Swift does not use get the status Swift uses for
 * the same failure (a bad ETag is 422, a refused or expired token 401, too large 413, a body
 * shorter than announced 499 as Swift's proxy logs a client disconnect).
 */
export const SWIFT_ERROR_STATUS = errorStatusMap({
  ...TOKEN_AUTH_FAILURES,
  BadDigest: 422,
  XAmzContentSHA256Mismatch: 422,
  EntityTooLarge: 413,
  IncompleteBody: 499,
});
