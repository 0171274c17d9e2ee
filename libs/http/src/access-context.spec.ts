import type { IncomingMessage } from 'node:http';
import { accessContextReader } from './access-context';

const request = (remoteAddress: string, headers: Record<string, string> = {}): IncomingMessage =>
  ({ socket: { remoteAddress }, headers }) as unknown as IncomingMessage;

describe('accessContextReader', () => {
  it('believes X-Forwarded-For only from a trusted proxy, and passes the Referer on', () => {
    const read = accessContextReader(['10.0.0.0/8']);
    expect(read(request('10.1.2.3', { 'x-forwarded-for': '198.51.100.7' }))).toEqual({ sourceIp: '198.51.100.7' });
    expect(read(request('203.0.113.5', { 'x-forwarded-for': '198.51.100.7', referer: 'https://a.example' }))).toEqual({
      sourceIp: '203.0.113.5',
      referer: 'https://a.example',
    });
    expect(accessContextReader()(request('::ffff:127.0.0.1', { 'x-forwarded-for': '1.1.1.1' }))).toEqual({ sourceIp: '127.0.0.1' });
  });
});
