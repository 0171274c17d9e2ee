export { JobRunner } from './job-runner';
export type { JobLogger, WorkerJob } from './job-runner';
export { garbageCollectionJobs } from './garbage-collection-jobs';
export { objectExpirationJob } from './object-expiration-job';
export type { ObjectExpirationSettings } from './object-expiration-job';
export type { GarbageCollectionSettings } from './garbage-collection-jobs';
export { accessLogDeliveryJob, deliverAccessLogs, logObjectKey } from './access-log-delivery';
export type { AccessLogDeliverySettings, DeliveryResult } from './access-log-delivery';
