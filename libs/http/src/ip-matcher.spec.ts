import { ipMatcher, normalizeIp } from './ip-matcher';

describe('ipMatcher', () => {
  const matches = ipMatcher(['10.0.0.0/8', '192.168.1.10', '2001:db8::/32', '::1']);

  it.each(['10.1.2.3', '10.255.255.255', '192.168.1.10', '2001:db8::1', '2001:DB8:ffff::', '::1', '::ffff:10.9.9.9', '[::1]'])(
    'matches %s',
    (address) => expect(matches(address)).toBe(true),
  );

  it.each(['11.0.0.1', '192.168.1.11', '2001:db9::1', '::2', 'not-an-ip', ''])('does not match %s', (address) =>
    expect(matches(address)).toBe(false),
  );

  it('matches nothing when empty and everything with /0', () => {
    expect(ipMatcher([])('10.0.0.1')).toBe(false);
    const all = ipMatcher(['0.0.0.0/0', '::/0']);
    expect(all('203.0.113.1')).toBe(true);
    expect(all('2001:db8::1')).toBe(true);
  });

  it.each(['10.0.0.0/33', '::/129', 'example.com', '10.0.0.0/8/1', '10.0.0.1/'])('refuses %s', (entry) => {
    expect(() => ipMatcher([entry])).toThrow(new TypeError(`Not an IP address or CIDR: '${entry}'`));
  });
});

describe('normalizeIp', () => {
  it.each([
    ['::ffff:127.0.0.1', '127.0.0.1'],
    ['::FFFF:10.0.0.1', '10.0.0.1'],
    ['[2001:DB8::1]:443', '2001:db8::1'],
    ['203.0.113.9:5678', '203.0.113.9'],
    [' 10.0.0.1 ', '10.0.0.1'],
    ['unknown', 'unknown'],
  ])('%s -> %s', (raw, normalized) => expect(normalizeIp(raw)).toBe(normalized));
});
