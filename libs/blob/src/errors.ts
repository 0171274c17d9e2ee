// Typed failures of a BlobStore. This lib sits below @gw/core (core depends on it), so it cannot
// throw the gateway's GatewayError; core translates each kind into its catalogue code once.

export type BlobErrorKind =
  /** No such blob (or an id this store could never have issued). -> NotFound / NoSuchKey */
  | 'not-found'
  /** The body had a different length than announced. -> IncompleteBody */
  | 'incomplete'
  /** The body went past the allowed maximum. -> EntityTooLarge */
  | 'too-large'
  /** The body stream closed before its end (client went away). */
  | 'aborted';

export class BlobError extends Error {
  readonly kind: BlobErrorKind;

  constructor(kind: BlobErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BlobError';
    this.kind = kind;
  }
}

export function isBlobError(error: unknown, kind?: BlobErrorKind): error is BlobError {
  return error instanceof BlobError && (kind === undefined || error.kind === kind);
}

/**
 * What a failed body write rejects with. A body that stopped without an error of its own (the
 * client hung up) becomes `aborted`; any other error passes through untouched, so a typed error
 * the source raised itself (a failed chunk signature, say) reaches core as it was thrown.
 */
export function asWriteError(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  // ECONNRESET is how Node 20 destroys an IncomingMessage whose client went away mid-body.
  if (code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ECONNRESET') {
    return new BlobError('aborted', 'the body stream closed before its end', { cause: error });
  }
  return error;
}
