import { percentDecode, uriEncode } from './uri-encode';

describe('uriEncode', () => {
  it('keeps the unreserved characters A-Za-z0-9-._~', () => {
    const unreserved = '-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
    expect(uriEncode(unreserved, true)).toBe(unreserved);
  });

  it('encodes everything else as uppercase %XX of the UTF-8 bytes', () => {
    expect(uriEncode(' !*\'()+$,;=:@&?#[]"<>%', true)).toBe(
      '%20%21%2A%27%28%29%2B%24%2C%3B%3D%3A%40%26%3F%23%5B%5D%22%3C%3E%25',
    );
    expect(uriEncode('ሴ', true)).toBe('%E1%88%B4');
    expect(uriEncode('é', true)).toBe('%C3%A9');
  });

  it('encodes the slash only when asked to', () => {
    expect(uriEncode('a/b', true)).toBe('a%2Fb');
    expect(uriEncode('a/b', false)).toBe('a/b');
  });
});

describe('percentDecode', () => {
  it('decodes %XX in either case to bytes', () => {
    expect(percentDecode('%e1%88%B4')).toEqual(Buffer.from('ሴ'));
  });

  it('keeps a % not followed by two hex digits and a + as they are', () => {
    expect(percentDecode('100%').toString()).toBe('100%');
    expect(percentDecode('%zz%4').toString()).toBe('%zz%4');
    expect(percentDecode('a+b').toString()).toBe('a+b');
  });

  it('keeps bytes that are not valid UTF-8', () => {
    expect(percentDecode('%FF%00')).toEqual(Buffer.from([0xff, 0x00]));
  });
});
