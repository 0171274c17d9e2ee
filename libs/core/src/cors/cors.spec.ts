import type { ErrorCode } from '../errors';
import type { CorsConfiguration, CorsRule } from './cors-rule';
import { matchCors } from './match-cors';
import { normalizeCors } from './validate-cors';

const rule = (overrides: Partial<CorsRule> = {}): CorsRule => ({
  allowedOrigins: ['https://app.example.com'],
  allowedMethods: ['GET', 'PUT'],
  allowedHeaders: [],
  exposeHeaders: [],
  ...overrides,
});

describe('normalizeCors', () => {
  it.each<[string, CorsConfiguration, ErrorCode, string | RegExp]>([
    ['no rules', { rules: [] }, 'MalformedXML', /XML/],
    ['101 rules', { rules: Array.from({ length: 101 }, () => rule()) }, 'InvalidRequest', /100 rules/],
    ['a rule without origins', { rules: [rule({ allowedOrigins: [] })] }, 'MalformedXML', /XML/],
    ['a rule without methods', { rules: [rule({ allowedMethods: [] })] }, 'MalformedXML', /XML/],
    ['a method S3 does not allow', { rules: [rule({ allowedMethods: ['GET', 'PATCH' as 'GET'] })] }, 'InvalidRequest', 'Found unsupported HTTP method in CORS config. Unsupported method is PATCH'],
    ['an origin with two wildcards', { rules: [rule({ allowedOrigins: ['https://*.*.example.com'] })] }, 'InvalidRequest', 'AllowedOrigin "https://*.*.example.com" can not have more than one wildcard.'],
    ['a header with two wildcards', { rules: [rule({ allowedHeaders: ['x-*-*'] })] }, 'InvalidRequest', 'AllowedHeader "x-*-*" can not have more than one wildcard.'],
    ['an exposed header with a wildcard', { rules: [rule({ exposeHeaders: ['x-amz-*'] })] }, 'InvalidRequest', /ExposeHeader "x-amz-\*" contains wildcard/],
    ['a negative MaxAgeSeconds', { rules: [rule({ maxAgeSeconds: -1 })] }, 'MalformedXML', /XML/],
    ['an ID of 256 characters', { rules: [rule({ id: 'i'.repeat(256) })] }, 'InvalidArgument', /255/],
  ])('refuses %s', (_name, configuration, code, message) => {
    expect(() => normalizeCors(configuration)).toThrow(expect.objectContaining({ code, message: typeof message === 'string' ? message : expect.stringMatching(message) }));
  });

  it('keeps valid rules as given, without empty ids', () => {
    const rules = [rule({ id: 'r', maxAgeSeconds: 0, allowedHeaders: ['*'], exposeHeaders: ['ETag'] }), rule({ id: '' })];
    expect(normalizeCors({ rules }).rules).toEqual([rules[0], rule()]);
    expect(normalizeCors({ rules: Array.from({ length: 100 }, () => rule()) }).rules).toHaveLength(100);
  });
});

describe('matchCors', () => {
  const config: CorsConfiguration = {
    rules: [
      rule({ id: 'app', allowedHeaders: ['content-type', 'x-amz-*'], exposeHeaders: ['ETag'], maxAgeSeconds: 600 }),
      rule({ id: 'subdomains', allowedOrigins: ['https://*.example.org'], allowedMethods: ['DELETE'] }),
      rule({ id: 'anyone', allowedOrigins: ['*'], allowedMethods: ['GET', 'HEAD'], allowedHeaders: ['*'] }),
    ],
  };

  it.each<[string, Parameters<typeof matchCors>[1], string | undefined]>([
    ['an exact origin and method', { origin: 'https://app.example.com', method: 'PUT' }, 'app'],
    ['asked headers all allowed, case-insensitively', { origin: 'https://app.example.com', method: 'PUT', requestHeaders: ['Content-Type', ' X-Amz-Date'] }, 'app'],
    ['an asked header the first rule does not allow falls to a later rule', { origin: 'https://app.example.com', method: 'GET', requestHeaders: ['authorization'] }, 'anyone'],
    ['an asked header no rule allows for that method', { origin: 'https://app.example.com', method: 'PUT', requestHeaders: ['authorization'] }, undefined],
    ['a wildcard origin', { origin: 'https://a.b.example.org', method: 'DELETE' }, 'subdomains'],
    ['a wildcard origin needs its fixed parts', { origin: 'https://example.org', method: 'DELETE' }, undefined],
    ['origins compare exactly', { origin: 'https://APP.example.com', method: 'PUT' }, undefined],
    ['a method no rule allows for the origin', { origin: 'https://evil.test', method: 'PUT' }, undefined],
    ['any origin for GET', { origin: 'https://evil.test', method: 'GET' }, 'anyone'],
  ])('%s', (_name, request, ruleId) => {
    expect(matchCors(config, request)?.rule.id).toBe(ruleId);
  });

  it('answers with the request origin and credentials, or with * and none', () => {
    expect(matchCors(config, { origin: 'https://app.example.com', method: 'PUT', requestHeaders: ['Content-Type'] })).toEqual({
      rule: config.rules[0],
      allowOrigin: 'https://app.example.com',
      allowCredentials: true,
      allowMethods: ['GET', 'PUT'],
      allowHeaders: ['Content-Type'],
      exposeHeaders: ['ETag'],
      maxAgeSeconds: 600,
    });
    expect(matchCors(config, { origin: 'https://x.test', method: 'HEAD' })).toMatchObject({ allowOrigin: '*', allowCredentials: false, allowHeaders: [] });
    expect(matchCors(undefined, { origin: 'https://x.test', method: 'GET' })).toBeUndefined();
  });
});
