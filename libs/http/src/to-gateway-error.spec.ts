import { GatewayError } from '@gw/core';
import { toGatewayError } from './to-gateway-error';

function httpError(status: number, message: string, props: Record<string, unknown>): Error {
  return Object.assign(new Error(message), { status, statusCode: status, expose: status < 500, ...props });
}

describe('toGatewayError', () => {
  it('passes GatewayErrors through', () => {
    const error = new GatewayError('NoSuchKey');
    expect(toGatewayError(error)).toBe(error);
  });

  it.each([
    [httpError(413, 'request entity too large', { type: 'entity.too.large' }), 'EntityTooLarge', 400],
    [httpError(400, 'request aborted', { type: 'request.aborted' }), 'IncompleteBody', 400],
    [httpError(400, 'request size did not match content length', { type: 'request.size.invalid' }), 'IncompleteBody', 400],
    [Object.assign(new SyntaxError('Unexpected token'), { type: 'entity.parse.failed', status: 400 }), 'MalformedJSON', 400],
    [Object.assign(new Error('aborted'), { code: 'ECONNRESET' }), 'IncompleteBody', 400],
    [Object.assign(new URIError("Failed to decode param '%E0%A4%A'"), { status: 400 }), 'InvalidRequest', 400],
    [httpError(415, 'unsupported content encoding "br"', { type: 'encoding.unsupported' }), 'InvalidRequest', 400],
  ])('maps %s to %s', (error, code, status) => {
    const mapped = toGatewayError(error);
    expect(mapped.code).toBe(code);
    expect(mapped.status).toBe(status);
  });

  it('keeps the message of exposed client errors', () => {
    expect(toGatewayError(httpError(415, 'unsupported charset "UTF-7"', { type: 'charset.unsupported' })).message).toBe(
      'unsupported charset "UTF-7"',
    );
  });

  it.each([
    ['an Error', new Error('boom')],
    ['a TypeError', new TypeError('x is undefined')],
    ['a server-side http error', httpError(500, 'stream is not readable', { type: 'stream.not.readable' })],
    ['a socket reset of an upstream', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['a non-JSON parse failure', httpError(400, 'bad', { type: 'entity.parse.failed', expose: false })],
    ['a string', 'oops'],
    ['undefined', undefined],
  ])('maps %s to InternalError', (_name, error) => {
    expect(toGatewayError(error).code).toBe('InternalError');
  });
});
