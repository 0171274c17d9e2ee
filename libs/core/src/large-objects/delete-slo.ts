/**
 * Swift `DELETE ?multipart-manifest=delete`, the core half of slo.py's `handle_multipart_delete`:
 * an SLO's segments are deleted (those of nested SLOs first, recursively), then the manifest; an
 * object that is not an SLO is deleted alone. Each delete is an ordinary object delete (its own
 * transaction, versioning and usage counters as DELETE does); a segment's blobs still shared by
 * another object survive, since the collector re-checks references before it unlinks.
 *
 * API: `deleteSlo(ctx, input)` -> one `BulkDeleteOutcome` per object, in the order deleted (the
 * manifest last), for `summarizeBulkDelete`: a segment whose container `mayDelete` refuses is
 * "403 Forbidden" and stays; a missing one counts as not found.
 */
import { BucketRecord, repositories } from '@gw/metadata';
import type { BulkDeleteOutcome } from '../bulk/bulk-delete';
import { deleteObject } from '../objects/delete-object';
import type { StorageContext } from '../storage-context';

export interface DeleteSloInput {
  bucket: BucketRecord;
  key: string;
  /** The access decision for deleting from a segment's container (the caller's own decision point). */
  mayDelete: (bucket: BucketRecord) => boolean;
  /** Who deletes: the owner of delete markers in versioned containers. */
  ownerUserId?: string;
}

/** Nested SLOs deeper than this are deleted as plain objects (Swift caps nesting at 10 too). */
const MAX_NESTING = 10;

export async function deleteSlo(ctx: StorageContext, input: DeleteSloInput): Promise<BulkDeleteOutcome[]> {
  const outcomes: BulkDeleteOutcome[] = [];
  const buckets = new Map<string, BucketRecord | undefined>([[input.bucket.name, input.bucket]]);
  const bucketNamed = async (name: string) => {
    if (!buckets.has(name)) buckets.set(name, await repositories(ctx.db.knex).buckets.findByName(input.bucket.accountId, name));
    return buckets.get(name);
  };

  const remove = async (bucket: BucketRecord, key: string, depth: number): Promise<void> => {
    const name = `/${bucket.name}/${key}`;
    const latest = await repositories(ctx.db.knex).objects.findLatest(bucket.id, key);
    if (!latest || latest.isDeleteMarker) {
      outcomes.push({ name, result: 'notFound' });
      return;
    }
    if (latest.largeObject?.kind === 'slo' && depth < MAX_NESTING) {
      for (const entry of latest.largeObject.manifest) await removeSegment(entry.name, entry.sub_slo === true, depth);
    }
    const result = await deleteObject(ctx, bucket, key, { ownerUserId: input.ownerUserId });
    outcomes.push({ name, result: result.existed ? 'deleted' : 'notFound' });
  };

  const removeSegment = async (path: string, isSlo: boolean, depth: number): Promise<void> => {
    const trimmed = path.replace(/^\/+/, '');
    const slash = trimmed.indexOf('/');
    const bucket = await bucketNamed(trimmed.slice(0, slash));
    const key = trimmed.slice(slash + 1);
    if (!bucket) outcomes.push({ name: '/' + trimmed, result: 'notFound' });
    else if (!input.mayDelete(bucket)) outcomes.push({ name: '/' + trimmed, result: 'failed', status: '403 Forbidden' });
    else if (isSlo) await remove(bucket, key, depth + 1);
    else {
      const result = await deleteObject(ctx, bucket, key, { ownerUserId: input.ownerUserId });
      outcomes.push({ name: '/' + trimmed, result: result.existed ? 'deleted' : 'notFound' });
    }
  };

  await remove(input.bucket, input.key, 0);
  return outcomes;
}
