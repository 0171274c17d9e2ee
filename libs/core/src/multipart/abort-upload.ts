import { repositories, withTransaction } from '@gw/metadata';
import type { StorageContext } from '../storage-context';
import { findUpload, UploadTarget } from './find-upload';

/** AbortMultipartUpload: the upload and its part rows go, their blobs to the collector, in one transaction. */
export async function abortUpload(ctx: StorageContext, target: UploadTarget): Promise<void> {
  await withTransaction(ctx.db.knex, async (trx) => {
    const upload = await findUpload(trx, target, { lock: true });
    const repos = repositories(trx);
    const parts = await repos.uploads.allParts(upload.uploadId);
    await repos.blobs.enqueueGarbage(parts.map((part) => part.blobId));
    await repos.uploads.delete(upload.uploadId);
  });
}
