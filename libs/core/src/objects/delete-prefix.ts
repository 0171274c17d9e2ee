import type { BucketRecord } from '@gw/metadata';
import type { GatewayError } from '../errors';
import type { StorageContext } from '../storage-context';
import { deleteObjects, DeleteOptions } from './delete-object';
import { listObjects } from './list-objects';

export interface DeletePrefixResult {
  /** Live objects deleted (in a versioned bucket: delete markers placed over them). */
  deleted: number;
  /** Keys whose delete failed (left in place), with the error. */
  failed: { key: string; error: GatewayError }[];
}

/**
 * Deletes every live object whose key starts with `prefix` ('' = the whole bucket): KakaoCloud's
 * `?dir-delete`. Walks the listing a page at a time and deletes each page with DeleteObjects (one
 * transaction per page), so memory and transaction size stay bounded whatever the number of
 * objects; each delete is an ordinary one (counters, versioning, blob collection). Objects
 * written under the prefix while it runs may stay.
 */
export async function deletePrefix(
  ctx: StorageContext,
  bucket: BucketRecord,
  prefix: string,
  options: DeleteOptions & { batchSize?: number } = {},
): Promise<DeletePrefixResult> {
  const batchSize = options.batchSize ?? 1000;
  const result: DeletePrefixResult = { deleted: 0, failed: [] };
  let after: string | undefined;
  for (;;) {
    const page = await listObjects(ctx, { bucket, prefix, after, maxKeys: batchSize });
    if (page.objects.length === 0) return result;
    for (const outcome of await deleteObjects(ctx, bucket, page.objects.map((o) => o.key), options)) {
      if ('error' in outcome) result.failed.push({ key: outcome.key, error: outcome.error });
      else if (outcome.existed) result.deleted++;
    }
    if (!page.isTruncated) return result;
    // Deleted keys leave the listing; resuming after the page also steps over keys that failed.
    after = page.nextAfter;
  }
}
