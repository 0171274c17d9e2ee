import { parseSwiftPath, storageUrl } from './target';

describe('parseSwiftPath', () => {
  it.each([
    ['/v1/AUTH_abc', { kind: 'account', account: 'abc' }],
    ['/v1/AUTH_abc/', { kind: 'account', account: 'abc' }],
    ['/v1/myacct', { kind: 'account', account: 'myacct' }],
    ['/v1/AUTH_abc/c', { kind: 'container', account: 'abc', container: 'c' }],
    ['/v1/AUTH_abc/c/', { kind: 'container', account: 'abc', container: 'c' }],
    ['/v1/AUTH_abc/c/a/b%20c.txt', { kind: 'object', account: 'abc', container: 'c', object: 'a/b c.txt' }],
    ['/v1/AUTH_abc/c/dir/', { kind: 'object', account: 'abc', container: 'c', object: 'dir/' }],
  ])('%s', (path, expected) => {
    expect(parseSwiftPath(path)).toEqual(expected);
  });

  it('is undefined outside /v1/ and refuses bad percent-encoding', () => {
    expect(parseSwiftPath('/v2/AUTH_abc')).toBeUndefined();
    expect(parseSwiftPath('/v1/')).toBeUndefined();
    expect(() => parseSwiftPath('/v1/AUTH_abc/c/%zz')).toThrow(expect.objectContaining({ code: 'InvalidURI' }));
  });

  it('builds storage URLs without a doubled slash', () => {
    expect(storageUrl('https://s.example.com/', 'abc')).toBe('https://s.example.com/v1/AUTH_abc');
  });
});
