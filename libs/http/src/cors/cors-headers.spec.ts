import { ServerResponse, IncomingMessage } from 'node:http';
import { addVary, writeCorsHeaders } from './cors-headers';

const response = () => new ServerResponse(new IncomingMessage(null as never));
const match = { rule: { allowedOrigins: ['*'], allowedMethods: ['GET' as const], allowedHeaders: [], exposeHeaders: [] }, allowMethods: ['GET', 'PUT'], exposeHeaders: [] };

describe('writeCorsHeaders', () => {
  it('writes the match, the asked headers on a preflight only, and leaves out what is empty', () => {
    const preflight = response();
    writeCorsHeaders(preflight, { ...match, allowOrigin: 'https://a.test', allowCredentials: true, allowHeaders: ['X-Auth-Token'], exposeHeaders: ['ETag'], maxAgeSeconds: 0 }, true);
    expect(preflight.getHeaders()).toEqual({
      'access-control-allow-origin': 'https://a.test',
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'GET, PUT',
      'access-control-allow-headers': 'X-Auth-Token',
      'access-control-expose-headers': 'ETag',
      'access-control-max-age': '0',
    });
    const actual = response();
    writeCorsHeaders(actual, { ...match, allowOrigin: '*', allowCredentials: false, allowHeaders: ['X-Auth-Token'] }, false);
    expect(actual.getHeaders()).toEqual({ 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, PUT' });
  });
});

describe('addVary', () => {
  it('adds names once, case-insensitively, keeping those already there', () => {
    const res = response();
    addVary(res, 'Origin');
    addVary(res, 'origin', 'Access-Control-Request-Method');
    expect(res.getHeader('Vary')).toBe('Origin, Access-Control-Request-Method');
    const withAccept = response();
    withAccept.setHeader('Vary', 'Accept-Encoding');
    addVary(withAccept, 'Origin');
    expect(withAccept.getHeader('Vary')).toBe('Accept-Encoding, Origin');
  });
});
