// The one reader of the environment in the product (house style, rule 8). Everything is
// validated here; a bad deployment fails at start with every problem listed, never later
// with a confusing error in the middle of a request.
import path from 'node:path';
import { ConfigError } from './config-error';
import { Env, EnvReader } from './env-reader';
import { isBaseUrl, isDomain, isHost, isIpOrCidr, isRegion, normalizeBaseUrl, urlHost } from './formats';
import { BootstrapConfig, GatewayConfig, LOG_LEVELS } from './gateway-config';
import { DEFAULTS, MIN_GC_GRACE_SECONDS } from './settings';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;
const VISIBLE_ASCII = (min: number, max: number) => new RegExp(`^[\\x21-\\x7E]{${min},${max}}$`);

export function loadConfig(env: Env = process.env): GatewayConfig {
  const read = new EnvReader(env);

  const dataDir = path.resolve(read.raw('DATA_DIR') ?? DEFAULTS.dataDir);
  const host = read.check('HOST', 'an IP address or a host name', isHost) ?? DEFAULTS.host;
  const port = read.integer('PORT', DEFAULTS.port, 1, 65535);
  const publicUrl = read.check('PUBLIC_URL', 'an http:// or https:// URL without credentials, query or fragment', isBaseUrl);

  const config: GatewayConfig = {
    dataDir,
    host,
    port,
    region: read.check('REGION', 'lowercase letters and digits joined by hyphens, at most 32 characters', isRegion) ?? DEFAULTS.region,
    publicUrl: publicUrl ? normalizeBaseUrl(publicUrl) : `http://${urlHost(host)}:${port}`,
    database: {
      url: databaseUrl(read),
      embeddedDir: path.join(dataDir, 'meta'),
      poolMax: read.integer('DATABASE_POOL_MAX', DEFAULTS.poolMax, 1, 1000),
    },
    blob: {
      backend: blobBackend(read),
      dir: path.resolve(read.raw('BLOB_DIR') ?? path.join(dataDir, 'blobs')),
    },
    secrets: {
      masterKey: masterKey(read),
      masterKeyFile: path.join(dataDir, 'master.key'),
      tokenKeyFile: path.join(dataDir, 'token-signing.key'),
    },
    bootstrap: bootstrap(read),
    s3: {
      domain: read.check('S3_DOMAIN', 'a DNS name without scheme or port', isDomain)?.toLowerCase(),
    },
    worker: {
      enabled: read.boolean('WORKER', DEFAULTS.worker),
      gcIntervalMs: read.integer('GC_INTERVAL_SECONDS', DEFAULTS.gcIntervalSeconds, 1, 86400) * 1000,
      sweepGraceMs: read.integer('GC_GRACE_SECONDS', DEFAULTS.gcGraceSeconds, MIN_GC_GRACE_SECONDS, 31_536_000) * 1000,
      logDeliveryIntervalMs: read.integer('LOG_DELIVERY_INTERVAL_SECONDS', DEFAULTS.logDeliveryIntervalSeconds, 1, 86400) * 1000,
    },
    limits: { maxObjectSize: read.size('MAX_OBJECT_SIZE', DEFAULTS.maxObjectSize) },
    logLevel: read.oneOf('LOG_LEVEL', DEFAULTS.logLevel, LOG_LEVELS),
    trustedProxies: trustedProxies(read),
  };

  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return deepFreeze(config);
}

function databaseUrl(read: EnvReader): string | undefined {
  const value = read.raw('DATABASE_URL');
  if (value === undefined) return undefined;
  // The URL usually holds a password, so a problem names only its scheme.
  if (!URL.canParse(value)) {
    read.problem('DATABASE_URL must be a postgres:// or postgresql:// URL (got a value that is not a URL)');
    return undefined;
  }
  const scheme = new URL(value).protocol;
  if (scheme !== 'postgres:' && scheme !== 'postgresql:') {
    read.problem(`DATABASE_URL must be a postgres:// or postgresql:// URL (got a '${scheme}' URL)`);
    return undefined;
  }
  return value;
}

function blobBackend(read: EnvReader): 'fs' {
  const value = read.raw('BLOB_BACKEND');
  if (value === 's3') read.problem("BLOB_BACKEND 's3' is not available yet; only 'fs' is supported");
  else read.oneOf('BLOB_BACKEND', DEFAULTS.blobBackend, ['fs']);
  return 'fs';
}

function masterKey(read: EnvReader): Buffer | undefined {
  const hex = read.check('MASTER_KEY', '64 hex characters (32 bytes)', (v) => /^[0-9a-fA-F]{64}$/.test(v), { secret: true });
  return hex === undefined ? undefined : Buffer.from(hex, 'hex');
}

function bootstrap(read: EnvReader): BootstrapConfig {
  const accessKey = read.check('ROOT_ACCESS_KEY', '3..128 letters and digits', (v) => /^[A-Za-z0-9]{3,128}$/.test(v));
  const secretKey = read.check('ROOT_SECRET_KEY', '8..128 printable ASCII characters without spaces', (v) => VISIBLE_ASCII(8, 128).test(v), {
    secret: true,
  });
  // Judge presence on the raw values: an invalid key is already reported and must not also read as missing.
  const hasAccess = read.raw('ROOT_ACCESS_KEY') !== undefined;
  const hasSecret = read.raw('ROOT_SECRET_KEY') !== undefined;
  if (hasAccess !== hasSecret) read.problem('ROOT_ACCESS_KEY and ROOT_SECRET_KEY must be set together or not at all');

  const nameRule = '1..64 letters, digits, ".", "_", "@" or "-", starting with a letter or digit';
  return {
    accessKey,
    secretKey,
    accountName: read.check('ROOT_ACCOUNT', nameRule, (v) => NAME.test(v)) ?? DEFAULTS.accountName,
    userName: read.check('ROOT_USER', nameRule, (v) => NAME.test(v)) ?? DEFAULTS.userName,
    password: read.check('ROOT_PASSWORD', '8..128 characters without control characters', (v) => /^[^\x00-\x1F\x7F]{8,128}$/.test(v), {
      secret: true,
    }),
    apiKey: read.check('ROOT_API_KEY', '16..128 printable ASCII characters without spaces', (v) => VISIBLE_ASCII(16, 128).test(v), {
      secret: true,
    }),
  };
}

function trustedProxies(read: EnvReader): string[] {
  const value = read.raw('TRUSTED_PROXIES');
  if (value === undefined) return [];
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of entries) {
    if (!isIpOrCidr(entry)) read.invalid('TRUSTED_PROXIES', 'a comma-separated list of IP addresses and CIDRs', entry);
  }
  return entries;
}

/** Freezes plain objects and arrays; Buffers cannot be frozen and are left as they are. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
