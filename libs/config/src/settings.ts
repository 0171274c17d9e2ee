// The list of settings an operator can change: the defaults the loader uses and the table
// `describeSettings()` returns (and SETTINGS.md shows). Defaults live here once so the
// documentation cannot disagree with the behaviour.
import type { LogLevel } from './gateway-config';

export const DEFAULTS = {
  dataDir: './data',
  host: '127.0.0.1',
  port: 8080,
  region: 'kr-central-2',
  poolMax: 10,
  blobBackend: 'fs',
  accountName: 'default',
  userName: 'admin',
  worker: true,
  gcIntervalSeconds: 30,
  gcGraceSeconds: 3600,
  logDeliveryIntervalSeconds: 60,
  // S3's limit for a single PUT; larger objects go through multipart upload.
  maxObjectSize: 5 * 2 ** 30,
  logLevel: 'info' as LogLevel,
} as const;

/** Sweeping younger files could delete a blob whose upload is still being written or committed. */
export const MIN_GC_GRACE_SECONDS = 60;

export interface SettingDescription {
  /** Environment variable. */
  name: string;
  /** Default as shown to people (a value in backticks, or a phrase in parentheses). */
  default: string;
  description: string;
}

const code = (value: string | number | boolean): string => `\`${value}\``;

export function describeSettings(): SettingDescription[] {
  return [
    {
      name: 'DATA_DIR',
      default: code(DEFAULTS.dataDir),
      description:
        'Root of everything the gateway keeps on disk: embedded metadata, blobs, generated keys. A relative path is resolved against the working directory.',
    },
    { name: 'HOST', default: code(DEFAULTS.host), description: 'Address to listen on; `0.0.0.0` or `::` listens on all interfaces.' },
    { name: 'PORT', default: code(DEFAULTS.port), description: 'TCP port to listen on (1..65535).' },
    {
      name: 'REGION',
      default: code(DEFAULTS.region),
      description: 'Region name used in SigV4 credential scopes, KRNs and bucket locations.',
    },
    {
      name: 'PUBLIC_URL',
      default: '`http://{HOST}:{PORT}`',
      description:
        'Base URL clients reach the gateway at: printed at start and used in Swift storage URLs. Set it behind a proxy. With a wildcard HOST the default uses the loopback address.',
    },
    {
      name: 'DATABASE_URL',
      default: '(embedded PGlite)',
      description: '`postgres://` or `postgresql://` URL of a Postgres 15+ server. Unset: embedded PGlite in `{DATA_DIR}/meta`.',
    },
    { name: 'DATABASE_POOL_MAX', default: code(DEFAULTS.poolMax), description: 'Most connections in the Postgres pool (1..1000).' },
    { name: 'BLOB_BACKEND', default: code(DEFAULTS.blobBackend), description: 'Where object bytes are stored. Only `fs` for now.' },
    { name: 'BLOB_DIR', default: '`{DATA_DIR}/blobs`', description: 'Directory of the `fs` blob backend.' },
    {
      name: 'MASTER_KEY',
      default: '(key file)',
      description:
        'Key that wraps per-object data keys: 64 hex characters (32 bytes). Unset: the key in `{DATA_DIR}/master.key`, created on first start.',
    },
    {
      name: 'ROOT_ACCESS_KEY',
      default: '(generated)',
      description: 'S3 access key of the first admin: 3..128 letters and digits. Set together with ROOT_SECRET_KEY.',
    },
    {
      name: 'ROOT_SECRET_KEY',
      default: '(generated)',
      description: 'S3 secret key of the first admin: 8..128 printable ASCII characters, no spaces. Set together with ROOT_ACCESS_KEY.',
    },
    { name: 'ROOT_ACCOUNT', default: code(DEFAULTS.accountName), description: 'Name of the account created on first start.' },
    { name: 'ROOT_USER', default: code(DEFAULTS.userName), description: 'Name of the admin user created on first start.' },
    { name: 'ROOT_PASSWORD', default: '(none)', description: 'Password of the first admin: 8..128 characters.' },
    {
      name: 'ROOT_API_KEY',
      default: '(generated)',
      description: 'Console API key (`X-API-Key`) of the first admin: 16..128 printable ASCII characters, no spaces.',
    },
    {
      name: 'S3_DOMAIN',
      default: '(none)',
      description: 'Base domain of virtual-host-style S3 addressing (`{bucket}.{S3_DOMAIN}`). Unset: path style only.',
    },
    {
      name: 'WORKER',
      default: code(DEFAULTS.worker),
      description: 'Run the lifecycle worker inside the gateway process: `true`, `false`, `1` or `0`.',
    },
    {
      name: 'GC_INTERVAL_SECONDS',
      default: code(DEFAULTS.gcIntervalSeconds),
      description: 'Seconds between garbage collection passes of the worker (1..86400).',
    },
    {
      name: 'GC_GRACE_SECONDS',
      default: code(DEFAULTS.gcGraceSeconds),
      description: `Orphan blob files and temp files younger than this many seconds are never swept (at least ${MIN_GC_GRACE_SECONDS}).`,
    },
    {
      name: 'LOG_DELIVERY_INTERVAL_SECONDS',
      default: code(DEFAULTS.logDeliveryIntervalSeconds),
      description: 'Seconds between deliveries of S3 server access log lines into their target buckets by the worker (1..86400).',
    },
    {
      name: 'MAX_OBJECT_SIZE',
      default: '`5GiB`',
      description: 'Largest body of a single PUT: bytes, or a number with a `KiB`, `MiB`, `GiB` or `TiB` suffix.',
    },
    {
      name: 'LOG_LEVEL',
      default: code(DEFAULTS.logLevel),
      description: '`fatal`, `error`, `warn`, `info`, `debug`, `trace` or `silent`.',
    },
    {
      name: 'TRUSTED_PROXIES',
      default: '(none)',
      description: 'Comma-separated IPs and CIDRs of reverse proxies whose `X-Forwarded-For` is believed.',
    },
  ];
}
