import type { Storage } from '@gw/core';
import { garbageCollectionJobs, JobLogger, JobRunner } from '@gw/lifecycle';

export interface LifecycleWorkerOptions {
  storage: Storage;
  logger: JobLogger;
  gcIntervalMs: number;
  sweepGraceMs: number;
}

/**
 * The background worker: garbage collection of blobs today; lifecycle rules and stale upload
 * aborts join as further jobs. Runs standalone (main.ts) or inside the all-in-one gateway.
 */
export function createLifecycleWorker(options: LifecycleWorkerOptions): JobRunner {
  return new JobRunner(
    garbageCollectionJobs(options.storage.gc, { gcIntervalMs: options.gcIntervalMs, sweepGraceMs: options.sweepGraceMs }),
    options.logger,
  );
}
