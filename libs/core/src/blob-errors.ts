import { BlobError } from '@gw/blob';
import { GatewayError } from './errors';

/** The one place blob-store failures become catalogue errors. */
export function translateBlobError(error: unknown): unknown {
  if (!(error instanceof BlobError)) return error;
  switch (error.kind) {
    case 'incomplete':
    case 'aborted':
      return new GatewayError('IncompleteBody');
    case 'too-large':
      return new GatewayError('EntityTooLarge');
    case 'not-found':
      return new GatewayError('InternalError', 'Object data is missing.');
  }
}
