import type { Queryable } from '../transaction';

/**
 * What the blob collector needs from the metadata: the queue of blobs that lost a reference,
 * and the question whether anything still references a blob.
 */
export class BlobReferenceRepository {
  constructor(private readonly q: Queryable) {}

  async enqueueGarbage(blobIds: string[]): Promise<void> {
    if (blobIds.length === 0) return;
    for (let i = 0; i < blobIds.length; i += 1000) {
      await this.q('blob_gc')
        .insert(blobIds.slice(i, i + 1000).map((blob_id) => ({ blob_id })))
        .onConflict('blob_id')
        .ignore();
    }
  }

  /** Claims queued blobs; inside a transaction, other workers skip the claimed rows. */
  async claimGarbage(limit: number): Promise<string[]> {
    return (await this.q('blob_gc').select('blob_id').orderBy('enqueued_at').limit(limit).forUpdate().skipLocked()).map(
      (r: { blob_id: string }) => r.blob_id,
    );
  }

  async forgetGarbage(blobIds: string[]): Promise<void> {
    if (blobIds.length > 0) await this.q('blob_gc').whereIn('blob_id', blobIds).delete();
  }

  async queuedGarbageCount(): Promise<number> {
    const row = await this.q('blob_gc').count({ n: '*' }).first();
    return Number(row?.n ?? 0);
  }

  /** The subset of `blobIds` that an object, an object part, an upload part or the queue holds. */
  async referenced(blobIds: string[]): Promise<Set<string>> {
    if (blobIds.length === 0) return new Set();
    const rows = await this.q.raw(
      `SELECT blob_id FROM objects WHERE blob_id = ANY(?)
       UNION SELECT blob_id FROM object_parts WHERE blob_id = ANY(?)
       UNION SELECT blob_id FROM upload_parts WHERE blob_id = ANY(?)`,
      [blobIds, blobIds, blobIds],
    );
    return new Set((rows.rows as { blob_id: string }[]).map((r) => r.blob_id));
  }
}
