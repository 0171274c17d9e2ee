import type { Storage } from '@gw/core';
import { accessLogDeliveryJob, expiredIdentityJob, garbageCollectionJobs, JobLogger, JobRunner, objectExpirationJob } from '@gw/lifecycle';

export interface LifecycleWorkerOptions {
  storage: Storage;
  logger: JobLogger;
  gcIntervalMs: number;
  sweepGraceMs: number;
  logDeliveryIntervalMs: number;
}

/**
 * The background worker: garbage collection of blobs, delivery of server access logs, Swift
 * object expiration and the removal of long-expired tokens and temporary S3 keys;
 * lifecycle rules and stale upload aborts join as further jobs. Runs standalone (main.ts) or
 * inside the all-in-one gateway.
 */
export function createLifecycleWorker(options: LifecycleWorkerOptions): JobRunner {
  return new JobRunner(
    [
      // Before the collector, so the blobs expired objects release go in the same round.
      objectExpirationJob(options.storage.objects, { intervalMs: options.gcIntervalMs }),
      ...garbageCollectionJobs(options.storage.gc, { gcIntervalMs: options.gcIntervalMs, sweepGraceMs: options.sweepGraceMs }),
      accessLogDeliveryJob(options.storage, { intervalMs: options.logDeliveryIntervalMs }),
      // Expiry is counted in hours: the collector's pace is plenty.
      expiredIdentityJob(options.storage.expiredIdentities, { intervalMs: options.gcIntervalMs }),
    ],
    options.logger,
  );
}
