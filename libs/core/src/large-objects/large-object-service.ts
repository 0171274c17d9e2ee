import type { BulkDeleteOutcome } from '../bulk/bulk-delete';
import type { StorageContext } from '../storage-context';
import { deleteSlo, DeleteSloInput } from './delete-slo';
import { putSlo, PutSloInput, PutSloResult } from './put-slo';

/**
 * Swift large objects in the core. Reads need nothing here: an SLO is read through its part rows
 * like any multipart object, a DLO is resolved by the object read path (ObjectService.get/head);
 * a DLO manifest is written by ObjectService.put with `largeObject`.
 */
export class LargeObjectService {
  constructor(private readonly ctx: StorageContext) {}

  /** `?multipart-manifest=put`: the manifest object over its segments' blobs, or Swift's per-segment errors. */
  putSlo(input: PutSloInput): Promise<PutSloResult> {
    return putSlo(this.ctx, input);
  }
  /** `?multipart-manifest=delete`: the segments, then the manifest (a plain object alone). */
  deleteSlo(input: DeleteSloInput): Promise<BulkDeleteOutcome[]> {
    return deleteSlo(this.ctx, input);
  }
}
