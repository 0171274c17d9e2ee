import type { IncomingMessage } from 'node:http';
import { clientAddress } from './client-address';
import { ipMatcher } from './ip-matcher';

function req(remoteAddress: string | undefined, forwardedFor?: string | string[]): IncomingMessage {
  return { socket: { remoteAddress }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } } as unknown as IncomingMessage;
}

describe('clientAddress', () => {
  const proxies = ['10.0.0.0/8', 'fd00::/8'];

  it('is the socket peer when nothing is trusted', () => {
    expect(clientAddress(req('203.0.113.5', '198.51.100.1'), [])).toBe('203.0.113.5');
  });

  it('ignores X-Forwarded-For from an untrusted peer', () => {
    expect(clientAddress(req('203.0.113.5', '198.51.100.1'), proxies)).toBe('203.0.113.5');
  });

  it('takes the right-most untrusted entry behind trusted proxies', () => {
    // client spoofs "1.1.1.1"; the edge proxy appends the real client; an inner proxy appends the edge.
    expect(clientAddress(req('10.0.0.2', '1.1.1.1, 198.51.100.7, 10.0.0.1'), proxies)).toBe('198.51.100.7');
    expect(clientAddress(req('10.0.0.2', ['1.1.1.1, 198.51.100.7', '10.0.0.1']), proxies)).toBe('198.51.100.7');
  });

  it('handles IPv6 and IPv4-mapped peers', () => {
    expect(clientAddress(req('fd00::1', '2001:db8::42'), proxies)).toBe('2001:db8::42');
    expect(clientAddress(req('::ffff:10.0.0.2', '[2001:db8::42]:1234'), proxies)).toBe('2001:db8::42');
    expect(clientAddress(req('::ffff:203.0.113.5'), proxies)).toBe('203.0.113.5');
  });

  it('is the peer when a trusted proxy sends no header', () => {
    expect(clientAddress(req('10.0.0.2'), proxies)).toBe('10.0.0.2');
  });

  it('is the left-most entry when every hop is trusted', () => {
    expect(clientAddress(req('10.0.0.2', '10.0.0.9, 10.0.0.1'), proxies)).toBe('10.0.0.9');
  });

  it('stops at a malformed entry and keeps the last readable hop', () => {
    expect(clientAddress(req('10.0.0.2', '198.51.100.7, unknown, 10.0.0.1'), proxies)).toBe('10.0.0.1');
    expect(clientAddress(req('10.0.0.2', 'garbage'), proxies)).toBe('10.0.0.2');
  });

  it('accepts a prepared matcher and copes with a closed socket', () => {
    expect(clientAddress(req('10.0.0.2', '198.51.100.7'), ipMatcher(proxies))).toBe('198.51.100.7');
    expect(clientAddress(req(undefined, '198.51.100.7'), proxies)).toBe('');
  });
});
