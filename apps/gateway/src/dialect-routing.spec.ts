import { dialectFor } from './dialect-routing';

describe('dialectFor', () => {
  it.each([
    ['/', 's3'],
    ['/bucket/key', 's3'],
    ['/v1_ext/bucket', 'v1ext'],
    ['/v1_ext', 'v1ext'],
    ['/v1/AUTH_abc/container', 'swift'],
    ['/v1', 'swift'],
    ['/auth/v1.0', 'swift'],
    ['/v3/auth/tokens', 'swift'],
    ['/info', 'swift'],
    ['/kos/v1/buckets', 'kos'],
    ['/internal/kos/v1/x', 'kos'],
    ['/admin/v1/stats', 'kos'],
    ['/v1x/key', 's3'],
    ['/administrator/key', 's3'],
    ['/internal/other', 's3'],
  ])('%s -> %s', (path, dialect) => {
    expect(dialectFor(path)).toBe(dialect);
  });
});
