import { isBaseUrl, isDomain, isHost, isIpOrCidr, isRegion, normalizeBaseUrl, urlHost } from './formats';

describe('formats', () => {
  it.each(['127.0.0.1', '::', 'fe80::1', 'localhost', 'gw-1.internal'])('accepts host %s', (v) => expect(isHost(v)).toBe(true));
  it.each(['', 'a b', '-x', 'http://x', 'x:80'])('refuses host %j', (v) => expect(isHost(v)).toBe(false));

  it.each(['s3.example.com', 'localhost'])('accepts domain %s', (v) => expect(isDomain(v)).toBe(true));
  it.each(['10.0.0.0/8', '10.0.0.1', '::1', 'fd00::/8', '::/0', '0.0.0.0/0'])('accepts %s as IP or CIDR', (v) =>
    expect(isIpOrCidr(v)).toBe(true),
  );
  it.each(['10.0.0.0/33', '::/129', '10.0.0.0/8/8', '10.0.0/8', '10.0.0.1/', 'x'])('refuses %s as IP or CIDR', (v) =>
    expect(isIpOrCidr(v)).toBe(false),
  );

  it('knows region names', () => {
    expect(isRegion('kr-central-2')).toBe(true);
    expect(isRegion('kr--central')).toBe(false);
    expect(isRegion('a'.repeat(33))).toBe(false);
  });

  it('normalizes base URLs', () => {
    expect(isBaseUrl('https://a.example/x#y')).toBe(false);
    expect(normalizeBaseUrl('HTTPS://A.example:443//')).toBe('https://a.example');
    expect(urlHost('fe80::1')).toBe('[fe80::1]');
  });
});
