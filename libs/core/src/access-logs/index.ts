export { AccessLogService } from './access-log-service';
export type { AccessLogBatch } from './access-log-service';
export { LOG_KEY_SUFFIX_LENGTH } from './logging-configuration';
export type { LoggingConfiguration } from './logging-configuration';
