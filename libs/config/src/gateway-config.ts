// The typed result of `loadConfig`. Everything a process needs to know about its deployment is
// here, validated; code below the apps receives the parts it needs as arguments.

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Only the filesystem backend exists for now; 's3' (upstream S3 cluster) joins this union later. */
export type BlobBackend = 'fs';

export interface DatabaseConfig {
  /** Postgres server URL; undefined means embedded PGlite in `embeddedDir`. */
  readonly url?: string;
  readonly embeddedDir: string;
  readonly poolMax: number;
}

export interface BlobConfig {
  readonly backend: BlobBackend;
  readonly dir: string;
}

export interface SecretsConfig {
  /** 32 bytes from MASTER_KEY; undefined means: use (or create) `masterKeyFile`. */
  readonly masterKey?: Buffer;
  readonly masterKeyFile: string;
  readonly tokenKeyFile: string;
}

/** What first start creates when the metadata store is empty. Unset keys are generated. */
export interface BootstrapConfig {
  readonly accessKey?: string;
  readonly secretKey?: string;
  readonly accountName: string;
  readonly userName: string;
  readonly password?: string;
  readonly apiKey?: string;
}

export interface S3Config {
  /** Base domain of virtual-host addressing (`bucket.{domain}`); undefined = path style only. */
  readonly domain?: string;
}

export interface WorkerConfig {
  readonly enabled: boolean;
  readonly gcIntervalMs: number;
  /** Orphan blob files and temp files younger than this are never swept. */
  readonly sweepGraceMs: number;
  /** How often server access log lines are written into their target buckets. */
  readonly logDeliveryIntervalMs: number;
}

export interface LimitsConfig {
  /** Largest body of a single PUT, in bytes. */
  readonly maxObjectSize: number;
}

export interface GatewayConfig {
  /** Absolute. */
  readonly dataDir: string;
  readonly host: string;
  readonly port: number;
  readonly region: string;
  /** Base URL clients reach the gateway at, without a trailing slash. */
  readonly publicUrl: string;
  readonly database: DatabaseConfig;
  readonly blob: BlobConfig;
  readonly secrets: SecretsConfig;
  readonly bootstrap: BootstrapConfig;
  readonly s3: S3Config;
  readonly worker: WorkerConfig;
  readonly limits: LimitsConfig;
  readonly logLevel: LogLevel;
  /** IPs and CIDRs of reverse proxies whose X-Forwarded-For is believed. */
  readonly trustedProxies: readonly string[];
}
