import { parseV1extPath } from './v1ext-target';

describe('parseV1extPath', () => {
  it.each([
    ['/v1_ext/bucket', { kind: 'buckets' }],
    ['/v1_ext/bucket/', { kind: 'buckets' }],
    ['/v1_ext/bucket/photos', { kind: 'bucket', bucket: 'photos', alias: false }],
    ['/v1_ext/photos', { kind: 'bucket', bucket: 'photos', alias: true }],
    ['/v1_ext/bucket/photos/cors', { kind: 'cors', bucket: 'photos' }],
    ['/v1_ext/bucket/photos/lifecycle/', { kind: 'lifecycle', bucket: 'photos' }],
    ['/v1_ext/bucket/my%2Dbucket', { kind: 'bucket', bucket: 'my-bucket', alias: false }],
    ['/v1_ext/bucket/photos/policy', undefined],
    ['/v1_ext/bucket//cors', undefined],
    ['/v1_ext', undefined],
    ['/v1_ext/a/b', undefined],
    ['/v1/acct', undefined],
  ])('%s', (path, target) => {
    expect(parseV1extPath(path)).toEqual(target);
  });

  it('refuses bad percent-encoding with InvalidURI', () => {
    expect(() => parseV1extPath('/v1_ext/bucket/%E0%A4%A')).toThrow(expect.objectContaining({ code: 'InvalidURI' }));
  });
});
