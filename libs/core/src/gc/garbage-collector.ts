import { repositories, withTransaction } from '@gw/metadata';
import type { StorageContext } from '../storage-context';

export interface SweepResult {
  orphans: number;
  temporary: number;
}

/**
 * Removes blobs nothing references any more. Deletes and overwrites queue the blobs they
 * release (blob_gc, in their own transaction); `drain` unlinks them after re-checking that no
 * row took a new reference meanwhile. `sweep` is the safety net for crashes: blob files older
 * than the grace period that no row references, and abandoned temporary files.
 */
export class GarbageCollector {
  constructor(private readonly ctx: StorageContext) {}

  /** Drains the queue; returns how many blobs were unlinked. */
  async drain(batchSize = 200): Promise<number> {
    let removed = 0;
    for (;;) {
      const { claimed, unlinked } = await withTransaction(this.ctx.db.knex, async (trx) => {
        const blobs = repositories(trx).blobs;
        const ids = await blobs.claimGarbage(batchSize);
        const stillUsed = await blobs.referenced(ids);
        const garbage = ids.filter((id) => !stillUsed.has(id));
        for (const id of garbage) await this.ctx.blobs.delete(id);
        await blobs.forgetGarbage(ids);
        return { claimed: ids.length, unlinked: garbage.length };
      });
      removed += unlinked;
      if (claimed < batchSize) return removed;
    }
  }

  async sweep(graceMs: number, now = new Date()): Promise<SweepResult> {
    const before = new Date(now.getTime() - graceMs);
    let orphans = 0;
    let candidates: string[] = [];
    const flush = async () => {
      const stillUsed = await repositories(this.ctx.db.knex).blobs.referenced(candidates);
      for (const id of candidates) {
        if (stillUsed.has(id)) continue;
        await this.ctx.blobs.delete(id);
        orphans++;
      }
      candidates = [];
    };
    for await (const blob of this.ctx.blobs.listCreatedBefore(before)) {
      candidates.push(blob.id);
      if (candidates.length >= 500) await flush();
    }
    await flush();
    const temporary = await this.ctx.blobs.purgeTemporary(before);
    return { orphans, temporary };
  }
}
