import type { ErrorCode } from '../errors';
import { MAX_PUBLIC_ALLOW_IPS, normalizePublicAccess, publicReadAllowedFrom } from './public-access';

describe('public access model', () => {
  it('keeps a valid setting, entries trimmed', () => {
    expect(normalizePublicAccess({ public: 'read-only', allowIps: [' 1.1.1.1', '2.2.2.0/24 ', '2001:db8::/32', '::1'] })).toEqual({
      public: 'read-only',
      allowIps: ['1.1.1.1', '2.2.2.0/24', '2001:db8::/32', '::1'],
    });
    expect(normalizePublicAccess({ public: 'deny', allowIps: [] })).toEqual({ public: 'deny', allowIps: [] });
  });

  it.each<[string, { public: string; allowIps: string[] }]>([
    ['an unknown level', { public: 'public', allowIps: [] }],
    ['a prefix too long for IPv4', { public: 'read-only', allowIps: ['1.1.1.0/33'] }],
    ['a host name', { public: 'read-only', allowIps: ['example.com'] }],
    ['a partial address', { public: 'read-only', allowIps: ['10.0.0'] }],
    ['an empty entry', { public: 'read-only', allowIps: [''] }],
    ['too many entries', { public: 'read-only', allowIps: Array.from({ length: MAX_PUBLIC_ALLOW_IPS + 1 }, () => '1.1.1.1') }],
  ])('refuses %s with InvalidArgument', (_name, input) => {
    expect(() => normalizePublicAccess(input)).toThrow(expect.objectContaining({ code: 'InvalidArgument' satisfies ErrorCode }));
  });

  it('matches addresses against the list; an empty list admits everyone, deny no one', () => {
    const listed = { public: 'read-only' as const, allowIps: ['10.0.0.0/8', '2001:db8::1'] };
    expect(publicReadAllowedFrom(listed, '10.2.3.4')).toBe(true);
    expect(publicReadAllowedFrom(listed, '::ffff:10.2.3.4')).toBe(true);
    expect(publicReadAllowedFrom(listed, '2001:db8::1')).toBe(true);
    expect(publicReadAllowedFrom(listed, '11.0.0.1')).toBe(false);
    expect(publicReadAllowedFrom(listed, undefined)).toBe(false);
    expect(publicReadAllowedFrom({ public: 'read-only', allowIps: [] }, undefined)).toBe(true);
    expect(publicReadAllowedFrom({ public: 'deny', allowIps: [] }, '10.0.0.1')).toBe(false);
  });
});
