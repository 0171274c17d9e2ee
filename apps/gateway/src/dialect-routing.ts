export type Dialect = 's3' | 'swift' | 'v1ext' | 'kos';

/**
 * Which dialect serves a path: the same table the compose stack's reverse proxy uses
 * (docker/proxy/nginx.conf). `/v1_ext` must be tested before `/v1`.
 */
export function dialectFor(path: string): Dialect {
  if (path === '/v1_ext' || path.startsWith('/v1_ext/')) return 'v1ext';
  if (/^\/(v1|auth|v3)(\/|$)/.test(path) || path === '/info') return 'swift';
  if (/^\/(kos|admin)(\/|$)/.test(path) || path.startsWith('/internal/kos/')) return 'kos';
  return 's3';
}
