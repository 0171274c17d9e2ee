export { loadConfig } from './load-config';
export { ConfigError } from './config-error';
export { describeSettings } from './settings';
export type { SettingDescription } from './settings';
export { LOG_LEVELS } from './gateway-config';
export type {
  GatewayConfig,
  DatabaseConfig,
  BlobConfig,
  BlobBackend,
  SecretsConfig,
  BootstrapConfig,
  S3Config,
  WorkerConfig,
  LimitsConfig,
  LogLevel,
} from './gateway-config';
