import type { GarbageCollector } from '@gw/core';
import type { WorkerJob } from './job-runner';

export interface GarbageCollectionSettings {
  /** How often the queue of released blobs is drained. */
  gcIntervalMs: number;
  /** Blob files and temp files younger than this are never swept. */
  sweepGraceMs: number;
}

/**
 * The collector's two jobs: draining the queue of released blobs often, and sweeping for
 * orphans (left by a crash between a blob write and its metadata commit) a few times per grace
 * period, which is enough since an orphan is only removable once it is older than the grace.
 */
export function garbageCollectionJobs(gc: GarbageCollector, settings: GarbageCollectionSettings): WorkerJob[] {
  return [
    {
      name: 'blob-gc-drain',
      intervalMs: settings.gcIntervalMs,
      run: async () => ({ unlinked: await gc.drain() }),
    },
    {
      name: 'blob-gc-sweep',
      intervalMs: Math.max(settings.gcIntervalMs, Math.floor(settings.sweepGraceMs / 4)),
      run: async () => ({ ...(await gc.sweep(settings.sweepGraceMs)) }),
    },
  ];
}
