import { ERROR_CATALOGUE, ErrorCode } from './catalogue';

/** Extra fields a dialect may render (S3 puts them as elements of <Error>). */
export type ErrorDetails = Record<string, string | number | undefined>;

/**
 * The one error type of the gateway. Domain code throws it with a catalogue code; dialects
 * render it. `details` carries what S3 echoes back (BucketName, Key, ArgumentName, ...).
 */
export class GatewayError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message?: string, details: ErrorDetails = {}) {
    super(message ?? ERROR_CATALOGUE[code].message);
    this.name = 'GatewayError';
    this.code = code;
    this.status = ERROR_CATALOGUE[code].status;
    this.details = details;
  }
}

export function isGatewayError(error: unknown): error is GatewayError {
  return error instanceof GatewayError;
}

/** Shorthand for `throw new GatewayError(...)` in expression position. */
export function fail(code: ErrorCode, message?: string, details?: ErrorDetails): never {
  throw new GatewayError(code, message, details);
}
