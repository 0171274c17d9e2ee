import path from 'node:path';
import { ConfigError } from './config-error';
import { loadConfig } from './load-config';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig defaults', () => {
  it('needs no configuration at all', () => {
    const dataDir = path.resolve('./data');
    expect(loadConfig({})).toEqual({
      dataDir,
      host: '127.0.0.1',
      port: 8080,
      region: 'kr-central-2',
      publicUrl: 'http://127.0.0.1:8080',
      database: { url: undefined, embeddedDir: path.join(dataDir, 'meta'), poolMax: 10 },
      blob: { backend: 'fs', dir: path.join(dataDir, 'blobs') },
      secrets: {
        masterKey: undefined,
        masterKeyFile: path.join(dataDir, 'master.key'),
        tokenKeyFile: path.join(dataDir, 'token-signing.key'),
      },
      bootstrap: {
        accessKey: undefined,
        secretKey: undefined,
        accountName: 'default',
        userName: 'admin',
        password: undefined,
        apiKey: undefined,
      },
      s3: { domain: undefined },
      worker: { enabled: true, gcIntervalMs: 30_000, sweepGraceMs: 3_600_000, logDeliveryIntervalMs: 60_000 },
      limits: { maxObjectSize: 5 * 1024 ** 3 },
      logLevel: 'info',
      trustedProxies: [],
    });
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '', ROOT_ACCESS_KEY: '', WORKER: '' })).toEqual(loadConfig({}));
  });

  it('derives paths from DATA_DIR and resolves it to an absolute path', () => {
    const config = loadConfig({ DATA_DIR: 'var/gw' });
    const dataDir = path.resolve('var/gw');
    expect(config.dataDir).toBe(dataDir);
    expect(config.database.embeddedDir).toBe(path.join(dataDir, 'meta'));
    expect(config.blob.dir).toBe(path.join(dataDir, 'blobs'));
    expect(config.secrets.masterKeyFile).toBe(path.join(dataDir, 'master.key'));
    expect(config.secrets.tokenKeyFile).toBe(path.join(dataDir, 'token-signing.key'));
  });

  it('reads the settings it documents', () => {
    const config = loadConfig({
      DATA_DIR: '/srv/gw',
      HOST: '0.0.0.0',
      PORT: '9000',
      REGION: 'kr-central-1',
      PUBLIC_URL: 'https://Storage.Example.com/',
      DATABASE_URL: 'postgresql://gw:secret@db:5432/gw',
      DATABASE_POOL_MAX: '25',
      BLOB_BACKEND: 'fs',
      BLOB_DIR: '/mnt/blobs',
      MASTER_KEY: 'AB'.repeat(32),
      ROOT_ACCESS_KEY: 'ROOTACCESSKEY01',
      ROOT_SECRET_KEY: 'root-secret-key/+=',
      ROOT_ACCOUNT: 'ops',
      ROOT_USER: 'root',
      ROOT_PASSWORD: 'correct horse battery',
      ROOT_API_KEY: 'api-key-0123456789',
      S3_DOMAIN: 'S3.Example.com',
      WORKER: '0',
      GC_INTERVAL_SECONDS: '5',
      GC_GRACE_SECONDS: '600',
      LOG_DELIVERY_INTERVAL_SECONDS: '15',
      MAX_OBJECT_SIZE: '100MiB',
      LOG_LEVEL: 'debug',
      TRUSTED_PROXIES: ' 10.0.0.0/8, ::1 ,',
    });
    expect(config).toMatchObject({
      dataDir: '/srv/gw',
      host: '0.0.0.0',
      port: 9000,
      region: 'kr-central-1',
      publicUrl: 'https://storage.example.com',
      database: { url: 'postgresql://gw:secret@db:5432/gw', embeddedDir: '/srv/gw/meta', poolMax: 25 },
      blob: { backend: 'fs', dir: '/mnt/blobs' },
      secrets: { masterKeyFile: '/srv/gw/master.key', tokenKeyFile: '/srv/gw/token-signing.key' },
      bootstrap: {
        accessKey: 'ROOTACCESSKEY01',
        secretKey: 'root-secret-key/+=',
        accountName: 'ops',
        userName: 'root',
        password: 'correct horse battery',
        apiKey: 'api-key-0123456789',
      },
      s3: { domain: 's3.example.com' },
      worker: { enabled: false, gcIntervalMs: 5000, sweepGraceMs: 600_000, logDeliveryIntervalMs: 15_000 },
      limits: { maxObjectSize: 100 * 1024 ** 2 },
      logLevel: 'debug',
      trustedProxies: ['10.0.0.0/8', '::1'],
    });
    expect(config.secrets.masterKey).toEqual(Buffer.alloc(32, 0xab));
  });

  it.each([
    [{ HOST: '0.0.0.0' }, 'http://127.0.0.1:8080'],
    [{ HOST: '::' }, 'http://[::1]:8080'],
    [{ HOST: '::1', PORT: '81' }, 'http://[::1]:81'],
    [{ HOST: 'gw.local' }, 'http://gw.local:8080'],
    [{ PUBLIC_URL: 'http://proxy.example.com:80/storage/' }, 'http://proxy.example.com/storage'],
  ])('derives the public URL from %j', (env, expected) => {
    expect(loadConfig(env).publicUrl).toBe(expected);
  });

  it.each([
    ['true', true],
    ['1', true],
    ['false', false],
    ['0', false],
  ])('reads WORKER=%s as %s', (value, enabled) => {
    expect(loadConfig({ WORKER: value }).worker.enabled).toBe(enabled);
  });

  it.each([
    ['1', 1],
    ['1048576', 1048576],
    ['1KiB', 1024],
    ['2gib', 2 * 1024 ** 3],
    ['1TiB', 1024 ** 4],
  ])('reads MAX_OBJECT_SIZE=%s as %d bytes', (value, bytes) => {
    expect(loadConfig({ MAX_OBJECT_SIZE: value }).limits.maxObjectSize).toBe(bytes);
  });

  it('returns a frozen object', () => {
    const config = loadConfig({ TRUSTED_PROXIES: '10.0.0.1' });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.database)).toBe(true);
    expect(Object.isFrozen(config.trustedProxies)).toBe(true);
  });
});

describe('loadConfig validation', () => {
  it.each([
    [{ HOST: 'bad host' }, "HOST must be an IP address or a host name (got 'bad host')"],
    [{ PORT: 'abc' }, "PORT must be an integer 1..65535 (got 'abc')"],
    [{ PORT: '0' }, "PORT must be an integer 1..65535 (got '0')"],
    [{ PORT: '65536' }, "PORT must be an integer 1..65535 (got '65536')"],
    [{ PORT: ' 80' }, "PORT must be an integer 1..65535 (got ' 80')"],
    [{ PORT: '8080.5' }, "PORT must be an integer 1..65535 (got '8080.5')"],
    [{ REGION: 'KR Central' }, 'REGION must be lowercase letters and digits joined by hyphens, at most 32 characters'],
    [{ PUBLIC_URL: 'storage.example.com' }, 'PUBLIC_URL must be an http:// or https:// URL without credentials, query or fragment'],
    [{ PUBLIC_URL: 'ftp://example.com' }, "PUBLIC_URL must be an http:// or https:// URL without credentials, query or fragment (got 'ftp://example.com')"],
    [{ PUBLIC_URL: 'http://example.com/?a=1' }, 'PUBLIC_URL must be an http:// or https:// URL'],
    [{ PUBLIC_URL: 'http://u:p@example.com' }, 'PUBLIC_URL must be an http:// or https:// URL'],
    [{ DATABASE_URL: 'mysql://root:pw@db/gw' }, "DATABASE_URL must be a postgres:// or postgresql:// URL (got a 'mysql:' URL)"],
    [{ DATABASE_URL: 'db:5432' }, "DATABASE_URL must be a postgres:// or postgresql:// URL (got a 'db:' URL)"],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL must be a postgres:// or postgresql:// URL (got a value that is not a URL)'],
    [{ DATABASE_POOL_MAX: '0' }, "DATABASE_POOL_MAX must be an integer 1..1000 (got '0')"],
    [{ BLOB_BACKEND: 's3' }, "BLOB_BACKEND 's3' is not available yet; only 'fs' is supported"],
    [{ BLOB_BACKEND: 'gcs' }, "BLOB_BACKEND must be one of fs (got 'gcs')"],
    [{ MASTER_KEY: 'abc' }, 'MASTER_KEY must be 64 hex characters (32 bytes) (got 3 characters)'],
    [{ MASTER_KEY: 'g'.repeat(64) }, 'MASTER_KEY must be 64 hex characters (32 bytes) (got 64 characters)'],
    [{ ROOT_ACCESS_KEY: 'AK', ROOT_SECRET_KEY: 'long-enough' }, "ROOT_ACCESS_KEY must be 3..128 letters and digits (got 'AK')"],
    [{ ROOT_ACCESS_KEY: 'AK-1', ROOT_SECRET_KEY: 'long-enough' }, "ROOT_ACCESS_KEY must be 3..128 letters and digits (got 'AK-1')"],
    [{ ROOT_ACCESS_KEY: 'AKIA1', ROOT_SECRET_KEY: 'short' }, 'ROOT_SECRET_KEY must be 8..128 printable ASCII characters without spaces (got 5 characters)'],
    [{ ROOT_ACCESS_KEY: 'AKIA1', ROOT_SECRET_KEY: 'has a space' }, 'ROOT_SECRET_KEY must be 8..128 printable ASCII characters without spaces (got 11 characters)'],
    [{ ROOT_ACCESS_KEY: 'AKIA1' }, 'ROOT_ACCESS_KEY and ROOT_SECRET_KEY must be set together or not at all'],
    [{ ROOT_SECRET_KEY: 'long-enough' }, 'ROOT_ACCESS_KEY and ROOT_SECRET_KEY must be set together or not at all'],
    [{ ROOT_ACCOUNT: '-ops' }, "ROOT_ACCOUNT must be 1..64 letters, digits, \".\", \"_\", \"@\" or \"-\", starting with a letter or digit (got '-ops')"],
    [{ ROOT_USER: 'a b' }, "ROOT_USER must be 1..64 letters, digits, \".\", \"_\", \"@\" or \"-\", starting with a letter or digit (got 'a b')"],
    [{ ROOT_PASSWORD: 'short' }, 'ROOT_PASSWORD must be 8..128 characters without control characters (got 5 characters)'],
    [{ ROOT_API_KEY: 'too-short' }, 'ROOT_API_KEY must be 16..128 printable ASCII characters without spaces (got 9 characters)'],
    [{ S3_DOMAIN: 'https://s3.example.com' }, "S3_DOMAIN must be a DNS name without scheme or port (got 'https://s3.example.com')"],
    [{ S3_DOMAIN: 's3.example.com:8080' }, "S3_DOMAIN must be a DNS name without scheme or port (got 's3.example.com:8080')"],
    [{ WORKER: 'yes' }, "WORKER must be 'true', 'false', '1' or '0' (got 'yes')"],
    [{ GC_INTERVAL_SECONDS: '0' }, "GC_INTERVAL_SECONDS must be an integer 1..86400 (got '0')"],
    [{ GC_GRACE_SECONDS: '10' }, "GC_GRACE_SECONDS must be an integer 60..31536000 (got '10')"],
    [{ LOG_DELIVERY_INTERVAL_SECONDS: '0' }, "LOG_DELIVERY_INTERVAL_SECONDS must be an integer 1..86400 (got '0')"],
    [{ MAX_OBJECT_SIZE: '5GB' }, "MAX_OBJECT_SIZE must be a size in bytes, optionally with a KiB, MiB, GiB or TiB suffix (got '5GB')"],
    [{ MAX_OBJECT_SIZE: '0' }, "MAX_OBJECT_SIZE must be a size in bytes, optionally with a KiB, MiB, GiB or TiB suffix (got '0')"],
    [{ MAX_OBJECT_SIZE: '99999999TiB' }, 'MAX_OBJECT_SIZE must be a size in bytes'],
    [{ LOG_LEVEL: 'verbose' }, "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got 'verbose')"],
    [{ TRUSTED_PROXIES: '10.0.0.1,proxy.local' }, "TRUSTED_PROXIES must be a comma-separated list of IP addresses and CIDRs (got 'proxy.local')"],
    [{ TRUSTED_PROXIES: '10.0.0.0/33' }, "TRUSTED_PROXIES must be a comma-separated list of IP addresses and CIDRs (got '10.0.0.0/33')"],
  ])('rejects %j', (env, expected) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(expected);
  });

  it('never echoes secret values', () => {
    const env = {
      DATABASE_URL: 'mysql://root:hunter2hunter2@db/gw',
      MASTER_KEY: 'hunter2hunter2',
      ROOT_ACCESS_KEY: 'AKIA1',
      ROOT_SECRET_KEY: 'hunter2',
      ROOT_PASSWORD: 'hunter2',
      ROOT_API_KEY: 'hunter2hunter2',
    };
    const error = (() => {
      try {
        loadConfig(env);
      } catch (e) {
        return e as ConfigError;
      }
    })();
    expect(error?.problems).toHaveLength(5);
    expect(error?.message).not.toContain('hunter2');
  });

  it('lists every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', LOG_LEVEL: 'loud', BLOB_BACKEND: 's3', ROOT_ACCESS_KEY: 'AKIA1', TRUSTED_PROXIES: 'x,y' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const configError = error as ConfigError;
    expect(configError.problems).toEqual([
      "PORT must be an integer 1..65535 (got 'abc')",
      "BLOB_BACKEND 's3' is not available yet; only 'fs' is supported",
      'ROOT_ACCESS_KEY and ROOT_SECRET_KEY must be set together or not at all',
      "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got 'loud')",
      "TRUSTED_PROXIES must be a comma-separated list of IP addresses and CIDRs (got 'x')",
      "TRUSTED_PROXIES must be a comma-separated list of IP addresses and CIDRs (got 'y')",
    ]);
    expect(configError.message).toBe(
      ['Invalid configuration (6 problems):', ...configError.problems.map((p) => `  - ${p}`)].join('\n'),
    );
  });
});
