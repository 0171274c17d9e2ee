import { createHmac } from 'node:crypto';
import { issueTempUrl, parseIssueExpires, parseTempUrlExpires, verifyTempUrl } from './index';
import type { TempUrlRequest } from './index';

const KEY = 'mykey';
const PATH = '/v1/AUTH_account/container/object';
const NOW = 1_700_000_000;
const EXPIRES = NOW + 300;

const hmac = (alg: string, key: string, body: string, enc: 'hex' | 'base64' | 'base64url' = 'hex') =>
  createHmac(alg, key).update(body).digest(enc);
const body = (method: string, expires: number, path: string) => `${method}\n${expires}\n${path}`;

describe('verifyTempUrl', () => {
  const base: TempUrlRequest = { method: 'GET', path: PATH, expires: String(EXPIRES) };
  const cases: Array<[string, Partial<TempUrlRequest>, boolean, string[]?]> = [
    ['sha1 hex', { sig: hmac('sha1', KEY, body('GET', EXPIRES, PATH)) }, true],
    ['sha256 hex', { sig: hmac('sha256', KEY, body('GET', EXPIRES, PATH)) }, true],
    ['sha512 hex', { sig: hmac('sha512', KEY, body('GET', EXPIRES, PATH)) }, true],
    ['sha512 prefixed base64', { sig: 'sha512:' + hmac('sha512', KEY, body('GET', EXPIRES, PATH), 'base64') }, true],
    ['sha256 prefixed url-safe base64 without padding', { sig: 'sha256:' + hmac('sha256', KEY, body('GET', EXPIRES, PATH), 'base64url') }, true],
    ['uppercase hex', { sig: hmac('sha1', KEY, body('GET', EXPIRES, PATH)).toUpperCase() }, true],
    ['second key (Temp-URL-Key-2 or the container key)', { sig: hmac('sha1', 'other', body('GET', EXPIRES, PATH)) }, true, ['nope', 'other']],
    ['wrong key', { sig: hmac('sha1', 'bad', body('GET', EXPIRES, PATH)) }, false],
    ['no keys at all', { sig: hmac('sha1', KEY, body('GET', EXPIRES, PATH)) }, false, []],
    ['tampered path', { sig: hmac('sha1', KEY, body('GET', EXPIRES, PATH)), path: PATH + 'x' }, false],
    ['tampered expires', { sig: hmac('sha1', KEY, body('GET', EXPIRES, PATH)), expires: String(EXPIRES + 1) }, false],
    ['expired', { sig: hmac('sha1', KEY, body('GET', NOW - 1, PATH)), expires: String(NOW - 1) }, false],
    ['expiring this very second is still valid', { sig: hmac('sha1', KEY, body('GET', NOW, PATH)), expires: String(NOW) }, true],
    ['PUT signature does not allow GET', { sig: hmac('sha1', KEY, body('PUT', EXPIRES, PATH)) }, false],
    ['HEAD allowed by a GET signature', { method: 'HEAD', sig: hmac('sha1', KEY, body('GET', EXPIRES, PATH)) }, true],
    ['HEAD allowed by a PUT signature', { method: 'HEAD', sig: hmac('sha256', KEY, body('PUT', EXPIRES, PATH)) }, true],
    ['unknown digest name', { sig: 'md5:' + hmac('md5', KEY, body('GET', EXPIRES, PATH), 'base64') }, false],
    ['hex of an unknown length', { sig: 'abcd' }, false],
    ['missing expires', { sig: hmac('sha1', KEY, body('GET', EXPIRES, PATH)), expires: undefined }, false],
    ['garbage expires', { sig: hmac('sha1', KEY, body('GET', EXPIRES, PATH)), expires: 'soon' }, false],
    ['missing sig', {}, false],
  ];
  it.each(cases)('%s', (_name, patch, valid, keys = [KEY]) => {
    expect(verifyTempUrl(keys, { ...base, ...patch }, NOW)).toBe(valid);
  });

  it('accepts ISO 8601 expires, signed over the integer timestamp as swiftclient signs it', () => {
    const ts = Date.UTC(2026, 0, 1) / 1000;
    const sig = hmac('sha256', KEY, body('GET', ts, PATH));
    expect(verifyTempUrl([KEY], { method: 'GET', path: PATH, sig, expires: '2026-01-01T00:00:00Z' }, ts - 10)).toBe(true);
    expect(verifyTempUrl([KEY], { method: 'GET', path: PATH, sig, expires: '2026-01-01T00:00:00Z' }, ts + 1)).toBe(false);
  });

  describe('prefix URLs', () => {
    const sig = hmac('sha256', KEY, body('GET', EXPIRES, 'prefix:/v1/AUTH_account/container/photos/'));
    it.each([
      ['/v1/AUTH_account/container/photos/a.jpg', true],
      ['/v1/AUTH_account/container/photos/sub/b.jpg', true],
      ['/v1/AUTH_account/container/other/a.jpg', false],
      ['/v1/AUTH_account/other/photos/a.jpg', false],
    ])('%s -> %s', (path, valid) => {
      expect(verifyTempUrl([KEY], { method: 'GET', path, sig, expires: String(EXPIRES), prefix: 'photos/' }, NOW)).toBe(valid);
    });
  });

  describe('IP-restricted URLs', () => {
    const ipBody = (range: string) => `ip=${range}\n${body('GET', EXPIRES, PATH)}`;
    it.each([
      ['127.0.0.1', '127.0.0.1', true],
      ['127.0.0.0/24', '127.0.0.9', true],
      ['127.0.0.0/24', '::ffff:127.0.0.9', true],
      ['127.0.0.0/24', '127.0.1.1', false],
      ['::1', '::1', true],
      ['2001:db8::/32', '2001:db8::5', true],
      ['127.0.0.1', undefined, false],
      ['not-an-ip', '127.0.0.1', false],
    ])('range %s, client %s -> %s', (range, clientIp, valid) => {
      const sig = hmac('sha1', KEY, ipBody(range));
      expect(verifyTempUrl([KEY], { method: 'GET', path: PATH, sig, expires: String(EXPIRES), ipRange: range, clientIp }, NOW)).toBe(valid);
    });
    it('a signature without the ip line does not open an ip-range URL', () => {
      const sig = hmac('sha1', KEY, body('GET', EXPIRES, PATH));
      expect(verifyTempUrl([KEY], { method: 'GET', path: PATH, sig, expires: String(EXPIRES), ipRange: '127.0.0.1', clientIp: '127.0.0.1' }, NOW)).toBe(false);
    });
  });
});

describe('parseTempUrlExpires', () => {
  it.each([
    ['1323479485', 1323479485],
    ['2026-01-01T00:00:00Z', 1767225600],
    ['2026-02-30T00:00:00Z', undefined],
    ['2026-01-01T00:00:00', undefined],
    ['-5', undefined],
    ['', undefined],
  ])('%s -> %s', (value, expected) => expect(parseTempUrlExpires(value)).toBe(expected));
});

describe('issueTempUrl (KakaoCloud ?temp_url)', () => {
  it('answers the url and sig of the spec, and the url verifies as a Swift TempURL', () => {
    const path = '/v1/project/object-reg-test-1/dir/test file.txt';
    const { url, sig } = issueTempUrl({ key: KEY, path, expires: EXPIRES });
    expect(sig).toBe(hmac('sha256', KEY, body('GET', EXPIRES, path)));
    expect(url).toBe(`/v1/project/object-reg-test-1/dir/test%20file.txt?temp_url_sig=${sig}&temp_url_expires=${EXPIRES}`);
    const query = new URL(url, 'http://x').searchParams;
    const decodedPath = decodeURIComponent(url.split('?')[0]);
    expect(verifyTempUrl([KEY], { method: 'GET', path: decodedPath, sig: query.get('temp_url_sig')!, expires: query.get('temp_url_expires')! }, NOW)).toBe(true);
  });
  it.each([['1700000300', 1700000300]])('parses %s', (v, n) => expect(parseIssueExpires(v)).toBe(n));
  it.each([[undefined], [''], ['abc'], ['1.5'], ['-1']])('rejects %s with InvalidArgument', (v) => {
    expect(() => parseIssueExpires(v)).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
  });
});
