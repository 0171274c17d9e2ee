import { bucketNameOf } from './cors';

describe('bucketNameOf', () => {
  it.each<[string, string | undefined]>([
    ['/v1_ext/bucket/photos', 'photos'],
    ['/v1_ext/bucket/photos/', 'photos'],
    ['/v1_ext/bucket/photos/cors', 'photos'],
    ['/v1_ext/bucket/photos/policy/42', 'photos'],
    ['/v1_ext/bucket/my%2Dbucket', 'my-bucket'],
    ['/v1_ext/photos', 'photos'],
    ['/v1_ext/photos/', 'photos'],
    ['/v1_ext/bucket', undefined],
    ['/v1_ext/bucket/', undefined],
    ['/v1_ext', undefined],
    ['/v1_ext/photos/cors', undefined],
    ['/v1_ext/bucket/%E0%A4%A', undefined],
    ['/v1/photos', undefined],
  ])('%s -> %s', (path, name) => {
    expect(bucketNameOf(path)).toBe(name);
  });
});
