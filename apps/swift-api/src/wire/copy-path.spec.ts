import type { Request } from 'express';
import { readCopyAccount, readCopyPath } from './copy-path';

const withHeaders = (headers: Record<string, string>): Request => ({ get: (name: string) => headers[name.toLowerCase()] }) as unknown as Request;

describe('readCopyPath', () => {
  it.each([
    ['c/o', { container: 'c', object: 'o' }],
    ['/c/dir/o', { container: 'c', object: 'dir/o' }],
    ['/c/dir/', { container: 'c', object: 'dir/' }],
    ['%2Fc%2Fa%20b', { container: 'c', object: 'a b' }],
    ['/c/100%', { container: 'c', object: '100%' }], // a malformed escape stays, as Python's unquote leaves it
  ])('%s', (value, expected) => expect(readCopyPath(withHeaders({ destination: value }), 'Destination')).toEqual(expected));

  it.each(['c', '/c', 'c/', '//o', ''])('%j is 412 with Swift\'s words', (value) => {
    expect(() => readCopyPath(withHeaders({ 'x-copy-from': value }), 'X-Copy-From')).toThrow(
      expect.objectContaining({ code: 'PreconditionFailed', message: 'X-Copy-From header must be of the form <container name>/<object name>' }),
    );
  });
});

describe('readCopyAccount', () => {
  it('drops the reseller prefix; absent is undefined', () => {
    expect(readCopyAccount(withHeaders({ 'destination-account': 'AUTH_abc' }), 'Destination-Account')).toBe('abc');
    expect(readCopyAccount(withHeaders({}), 'Destination-Account')).toBeUndefined();
  });
  it.each([
    ['', 'Account name cannot be empty'],
    ['a/b', 'Account name cannot contain slashes'],
  ])('%j is 412 "%s"', (value, message) => {
    expect(() => readCopyAccount(withHeaders({ 'x-copy-from-account': value }), 'X-Copy-From-Account')).toThrow(expect.objectContaining({ code: 'PreconditionFailed', message }));
  });
});
