import type { ExpiredIdentityCollector } from '@gw/core';
import type { WorkerJob } from './job-runner';

export interface ExpiredIdentitySettings {
  intervalMs: number;
  /** Rows of each kind per batch; default 500. */
  batchSize?: number;
  /** Batches per run at most, so one run stays bounded; default 20. */
  maxBatches?: number;
  /** How long after expiry rows are kept; default the core's EXPIRED_IDENTITY_GRACE_MS. */
  graceMs?: number;
}

/**
 * Removes tokens and STS temporary S3 keys expired for longer than the grace period, in bounded
 * batches (the rules of what may go are the core's: ExpiredIdentityCollector). Several workers
 * may run it at once: each batch skips the rows another is deleting.
 */
export function expiredIdentityJob(collector: ExpiredIdentityCollector, settings: ExpiredIdentitySettings): WorkerJob {
  const batchSize = settings.batchSize ?? 500;
  const maxBatches = settings.maxBatches ?? 20;
  return {
    name: 'expired-identity-cleanup',
    intervalMs: settings.intervalMs,
    run: async () => {
      let tokens = 0;
      let temporaryCredentials = 0;
      for (let batch = 0; batch < maxBatches; batch++) {
        const result = await collector.collect({ batchSize, graceMs: settings.graceMs });
        tokens += result.tokens;
        temporaryCredentials += result.temporaryCredentials;
        // A parent goes once its children have: keep going while a batch removed anything.
        if (result.tokens === 0 && result.temporaryCredentials < batchSize) break;
      }
      return { tokens, temporaryCredentials };
    },
  };
}
