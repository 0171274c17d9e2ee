import type { CorsConfiguration } from '@gw/core';
import { decidePreflight, readPreflight } from './preflight';

const CORS: CorsConfiguration = {
  rules: [{ allowedOrigins: ['https://app.example.com'], allowedMethods: ['GET'], allowedHeaders: ['x-auth-token'], exposeHeaders: [] }],
};

describe('readPreflight', () => {
  it('reads the origin, the asked method and the asked headers', () => {
    expect(readPreflight({ origin: 'https://app.example.com', 'access-control-request-method': 'GET', 'access-control-request-headers': 'X-Auth-Token,Content-Type' })).toEqual({
      origin: 'https://app.example.com',
      method: 'GET',
      requestHeaders: ['X-Auth-Token', 'Content-Type'],
    });
    expect(readPreflight({ origin: 'https://a.test', 'access-control-request-method': 'PUT' })).toEqual({ origin: 'https://a.test', method: 'PUT', requestHeaders: [] });
  });

  it.each<[string, Record<string, string>, object]>([
    ['no Origin', { 'access-control-request-method': 'GET' }, { reason: 'no-origin' }],
    ['an empty Origin', { origin: '', 'access-control-request-method': 'GET' }, { reason: 'no-origin' }],
    ['no method', { origin: 'https://a.test' }, { reason: 'bad-method' }],
    ['a method no rule can allow', { origin: 'https://a.test', 'access-control-request-method': 'PATCH' }, { reason: 'bad-method', method: 'PATCH' }],
    ['a lower-case method (methods are case-sensitive)', { origin: 'https://a.test', 'access-control-request-method': 'get' }, { reason: 'bad-method', method: 'get' }],
  ])('refuses %s', (_name, headers, refusal) => {
    expect(readPreflight(headers)).toEqual(refusal);
  });
});

describe('decidePreflight', () => {
  it('answers with the matching rule, or says why not', () => {
    expect(decidePreflight(CORS, { origin: 'https://app.example.com', method: 'GET', requestHeaders: ['X-Auth-Token'] })).toMatchObject({
      allowOrigin: 'https://app.example.com',
      allowHeaders: ['X-Auth-Token'],
    });
    expect(decidePreflight(CORS, { origin: 'https://app.example.com', method: 'GET', requestHeaders: ['Authorization'] })).toEqual({ reason: 'no-match', method: 'GET' });
    expect(decidePreflight(undefined, { origin: 'https://app.example.com', method: 'GET' })).toEqual({ reason: 'no-cors', method: 'GET' });
  });
});
