import { GatewayError } from '../errors';
import { assertValidObjectKey, compareKeys, MAX_KEY_BYTES, prefixUpperBound } from './object-key';

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const byteOrder = (a: string, b: string) => Buffer.compare(utf8(a), utf8(b));

function codeOf(fn: () => void): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof GatewayError) return error.code;
    throw error;
  }
  return undefined;
}

describe('prefixUpperBound', () => {
  it.each([
    ['a', 'b'],
    ['photos/', 'photos0'], // '/' + 1 = '0'
    ['a/b', 'a/c'],
    ['\u00e9', '\u00ea'], // 2-byte character
    ['x\u4e2d', 'x\u4e2e'], // 3-byte character
    ['\u{1F600}', '\u{1F601}'], // 4-byte character (a surrogate pair in UTF-16)
    ['\ud7ff', '\ue000'], // skips the surrogate block, which UTF-8 cannot encode
    ['ab\ud7ff', 'ab\ue000'],
    ['\uffff', '\u{10000}'], // BMP -> supplementary: one UTF-16 unit becomes two
    ['a\u{10FFFF}', 'b'], // the last code point has no successor: carry into the previous one
    ['a\u{10FFFF}\u{10FFFF}', 'b'],
  ])('%j -> %j', (prefix, bound) => {
    expect(prefixUpperBound(prefix)).toBe(bound);
  });

  it('has no bound for the empty prefix or one made only of U+10FFFF', () => {
    expect(prefixUpperBound('')).toBeUndefined();
    expect(prefixUpperBound('\u{10FFFF}')).toBeUndefined();
    expect(prefixUpperBound('\u{10FFFF}\u{10FFFF}')).toBeUndefined();
  });

  it('is above every key that starts with the prefix and at most any key above them, in UTF-8 byte order', () => {
    const prefixes = ['a', 'a/', '\u00e9', '\ud7ff', '\uffff', 'z\u{10FFFF}', '\u4e2d/'];
    const tails = ['', 'a', '\u007f', '\u0080', '\u07ff', '\ud7ff', '\ue000', '\uffff', '\u{10000}', '\u{10FFFF}', '\u{10FFFF}\u{10FFFF}'];
    for (const prefix of prefixes) {
      const bound = prefixUpperBound(prefix)!;
      expect(bound.isWellFormed()).toBe(true);
      for (const tail of tails) expect(byteOrder(prefix + tail, bound)).toBeLessThan(0);
      expect(bound.startsWith(prefix)).toBe(false);
    }
  });
});

describe('compareKeys', () => {
  it('orders by UTF-8 bytes, not by UTF-16 code units', () => {
    const fullwidth = '\uff5e'; // EF BD 9E in UTF-8, 0xFF5E in UTF-16
    const emoji = '\u{1F600}'; // F0 9F 98 80 in UTF-8, 0xD83D 0xDE00 in UTF-16
    expect(fullwidth > emoji).toBe(true); // JavaScript's own comparison: UTF-16 order
    expect(compareKeys(fullwidth, emoji)).toBeLessThan(0);
    expect(compareKeys(emoji, fullwidth)).toBeGreaterThan(0);
    expect(compareKeys('\ue000', '\u{10000}')).toBeLessThan(0);
    expect('\ue000' > '\u{10000}').toBe(true);
  });

  it('sorts a mixed key set as the bytes sort', () => {
    const keys = ['b', 'a/', 'a', 'A', '\u00e9', '\u{1F600}', '\uff5e', 'a/b', 'a0', '\u0080', ''];
    const sorted = [...keys].sort(compareKeys);
    expect(sorted).toEqual(['', 'A', 'a', 'a/', 'a/b', 'a0', 'b', '\u0080', '\u00e9', '\uff5e', '\u{1F600}']);
    expect(compareKeys('same', 'same')).toBe(0);
    expect(compareKeys('ab', 'abc')).toBeLessThan(0);
  });
});

describe('assertValidObjectKey', () => {
  it('accepts keys up to 1024 bytes of UTF-8', () => {
    expect(MAX_KEY_BYTES).toBe(1024);
    expect(codeOf(() => assertValidObjectKey('a'.repeat(1024)))).toBeUndefined();
    expect(codeOf(() => assertValidObjectKey('\u4e2d'.repeat(341) + 'a'))).toBeUndefined(); // 1024 bytes
    expect(codeOf(() => assertValidObjectKey('\u{1F600}'.repeat(256)))).toBeUndefined(); // 1024 bytes, 512 units
    expect(codeOf(() => assertValidObjectKey('dir/'))).toBeUndefined();
  });

  it('counts bytes, not characters, against the limit', () => {
    expect(codeOf(() => assertValidObjectKey('a'.repeat(1025)))).toBe('KeyTooLongError');
    expect(codeOf(() => assertValidObjectKey('\u4e2d'.repeat(342)))).toBe('KeyTooLongError'); // 342 chars, 1026 bytes
    expect(codeOf(() => assertValidObjectKey('\u{1F600}'.repeat(256) + 'a'))).toBe('KeyTooLongError');
  });

  it('refuses the empty key, NUL and lone surrogates', () => {
    expect(codeOf(() => assertValidObjectKey(''))).toBe('InvalidArgument');
    expect(codeOf(() => assertValidObjectKey('a\u0000b'))).toBe('InvalidArgument');
    expect(codeOf(() => assertValidObjectKey('a\ud800'))).toBe('InvalidArgument'); // high surrogate alone
    expect(codeOf(() => assertValidObjectKey('\udc00a'))).toBe('InvalidArgument'); // low surrogate alone
    expect(codeOf(() => assertValidObjectKey('\ude00\ud83d'))).toBe('InvalidArgument'); // pair in the wrong order
  });
});
