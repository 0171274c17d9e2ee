import { canonicalHeaders } from './canonical-headers';
import { canonicalQuery } from './canonical-query';
import { canonicalUri } from './canonical-uri';

describe('canonicalUri (S3: decode once, encode once, never normalise)', () => {
  it.each([
    ['/', '/'],
    ['', '/'],
    ['/test.txt', '/test.txt'],
    // The PUT example of the S3 documentation sends test$file.text and signs test%24file.text.
    ['/test$file.text', '/test%24file.text'],
    ['/test%24file.text', '/test%24file.text'],
    // Already-encoded input is not encoded again, and lowercase hex is normalised.
    ['/example%20space/', '/example%20space/'],
    ['/%e1%88%b4', '/%E1%88%B4'],
    ['/ሴ', '/%E1%88%B4'],
    ['/%7Euser/a~b', '/~user/a~b'],
    ['/a+b', '/a%2Bb'],
    // Object keys may contain empty segments, dots and trailing slashes: all are kept.
    ['//example//', '//example//'],
    ['/bucket/a/../b/./c', '/bucket/a/../b/./c'],
    ['/bucket/dir/', '/bucket/dir/'],
    // An encoded slash is part of a segment and stays encoded.
    ['/bucket/a%2Fb', '/bucket/a%2Fb'],
    ['/bucket/100%', '/bucket/100%25'],
  ])('%s -> %s', (raw, canonical) => {
    expect(canonicalUri(raw)).toBe(canonical);
  });
});

describe('canonicalQuery', () => {
  it('is empty for an empty query', () => {
    expect(canonicalQuery('')).toBe('');
  });

  it('gives a parameter without = an empty value', () => {
    expect(canonicalQuery('lifecycle')).toBe('lifecycle=');
    expect(canonicalQuery('acl=')).toBe('acl=');
  });

  it('sorts by encoded key, then by value', () => {
    expect(canonicalQuery('prefix=J&max-keys=2')).toBe('max-keys=2&prefix=J');
    expect(canonicalQuery('Param2=value2&Param1=value1')).toBe('Param1=value1&Param2=value2');
    expect(canonicalQuery('Param1=value2&Param1=Value1')).toBe('Param1=Value1&Param1=value2');
    // Uppercase sorts before lowercase (byte order), as in the AWS test suite.
    expect(canonicalQuery('b=1&B=2&a=3')).toBe('B=2&a=3&b=1');
  });

  it('decodes then re-encodes keys and values, slash included', () => {
    expect(canonicalQuery('prefix=a/b%2fc&delimiter=%2F')).toBe('delimiter=%2F&prefix=a%2Fb%2Fc');
    expect(canonicalQuery('x=a%20b&y=%7e')).toBe('x=a%20b&y=~');
    expect(canonicalQuery('ሴ=bar')).toBe('%E1%88%B4=bar');
    expect(canonicalQuery('k=a+b')).toBe('k=a%2Bb');
  });

  it('keeps a value that contains =', () => {
    expect(canonicalQuery('k=a=b')).toBe('k=a%3Db');
  });

  it('leaves out excluded parameters', () => {
    expect(canonicalQuery('X-Amz-Signature=abc&b=2&a=1', { exclude: ['X-Amz-Signature'] })).toBe('a=1&b=2');
  });
});

describe('canonicalHeaders', () => {
  it('lowercases, sorts, trims and collapses inner whitespace', () => {
    const headers = { host: 'example.amazonaws.com', 'my-header1': ' value1', 'my-header2': '"a   b   c"', 'x-amz-date': '20150830T123600Z' };
    expect(canonicalHeaders(['x-amz-date', 'My-Header2', 'host', 'my-header1'], headers)).toBe(
      'host:example.amazonaws.com\nmy-header1:value1\nmy-header2:"a b c"\nx-amz-date:20150830T123600Z\n',
    );
  });

  it('joins repeated headers with "," from rawHeaders, not with Node\'s ", "', () => {
    const rawHeaders = ['Host', 'h', 'My-Header1', 'value4', 'My-Header1', ' value1 ', 'my-header1', 'value3'];
    const headers = { host: 'h', 'my-header1': 'value4, value1, value3' };
    expect(canonicalHeaders(['host', 'my-header1'], headers, rawHeaders)).toBe('host:h\nmy-header1:value4,value1,value3\n');
    expect(canonicalHeaders(['host', 'my-header1'], headers)).toBe('host:h\nmy-header1:value4, value1, value3\n');
  });

  it('signs a listed header the request does not carry with an empty value', () => {
    expect(canonicalHeaders(['host', 'x-missing'], { host: 'h' })).toBe('host:h\nx-missing:\n');
  });
});
