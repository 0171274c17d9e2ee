import { GatewayError, isGatewayError } from '@gw/core';

/**
 * Maps errors that a client can cause in code we do not own (express's body parsers, raw-body,
 * the router, Node's request stream) to the catalogue. Anything not recognised is an
 * InternalError: a bug to fix, never a client mistake guessed at.
 */
export function toGatewayError(error: unknown): GatewayError {
  if (isGatewayError(error)) return error;
  if (typeof error !== 'object' || error === null) return new GatewayError('InternalError');
  const { type, code, message, status, expose } = error as Record<string, unknown>;

  switch (type) {
    case 'entity.too.large': // raw-body: the body passed the parser's limit
      return new GatewayError('EntityTooLarge');
    case 'request.aborted': // raw-body: the client stopped sending
    case 'request.size.invalid': // raw-body: fewer or more bytes than Content-Length
      return new GatewayError('IncompleteBody');
    case 'entity.parse.failed':
      if (error instanceof SyntaxError) return new GatewayError('MalformedJSON'); // express.json()
      break;
  }
  // Node's IncomingMessage when the client closes the connection in the middle of the body.
  if (code === 'ECONNRESET' && message === 'aborted') return new GatewayError('IncompleteBody');
  // Bad percent-encoding in the path (express's router) or anywhere input gets decoded.
  if (error instanceof URIError) return new GatewayError('InvalidRequest', 'The request URI is not valid percent-encoded UTF-8.');
  // Other http-errors that their library marks as the client's fault (unsupported charset or
  // Content-Encoding, too many form parameters): their message is meant for the client.
  if (expose === true && typeof status === 'number' && status >= 400 && status < 500 && typeof message === 'string') {
    return new GatewayError('InvalidRequest', message);
  }
  return new GatewayError('InternalError');
}
