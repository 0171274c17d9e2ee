import type { ObjectService } from '@gw/core';
import type { WorkerJob } from './job-runner';

export interface ObjectExpirationSettings {
  intervalMs: number;
  /** Objects per batch (one transaction per bucket in it); default 500. */
  batchSize?: number;
  /** Batches per run at most, so one run stays bounded; default 20. */
  maxBatches?: number;
}

/**
 * Swift object expiration (X-Delete-At / X-Delete-After): removes the objects whose time has
 * come, in bounded batches through the core delete (usage counters, versioning, blob collection
 * as for any delete). Readers already treat them as gone; this reclaims their rows and bytes.
 * Several workers may run it at once: each delete re-checks the row under the bucket lock.
 */
export function objectExpirationJob(objects: ObjectService, settings: ObjectExpirationSettings): WorkerJob {
  const batchSize = settings.batchSize ?? 500;
  const maxBatches = settings.maxBatches ?? 20;
  return {
    name: 'object-expiration',
    intervalMs: settings.intervalMs,
    run: async () => {
      let deleted = 0;
      for (let batch = 0; batch < maxBatches; batch++) {
        const result = await objects.expire({ batchSize });
        deleted += result.deleted;
        if (result.found < batchSize) break;
      }
      return { deleted };
    },
  };
}
