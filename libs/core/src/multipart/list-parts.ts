import type { UploadPartRecord, UploadRecord } from '@gw/metadata';
import { repositories } from '@gw/metadata';
import type { StorageContext } from '../storage-context';
import { findUpload, UploadTarget } from './find-upload';

export interface ListPartsInput extends UploadTarget {
  /** List the parts numbered above this (part-number-marker); 0 for all. */
  after?: number;
  /** At most this many parts (max-parts). */
  maxParts: number;
}

export interface ListPartsResult {
  upload: UploadRecord;
  parts: UploadPartRecord[];
  isTruncated: boolean;
  /** Where the next page resumes: the last part listed (the marker when none was). */
  nextPartNumberMarker: number;
}

/** ListParts: the uploaded parts in part number order, a page at a time. */
export async function listParts(ctx: StorageContext, input: ListPartsInput): Promise<ListPartsResult> {
  const upload = await findUpload(ctx.db.knex, input);
  const after = input.after ?? 0;
  const rows = await repositories(ctx.db.knex).uploads.listParts(upload.uploadId, after, input.maxParts + 1);
  const parts = rows.slice(0, input.maxParts);
  return {
    upload,
    parts,
    isTruncated: rows.length > parts.length,
    nextPartNumberMarker: parts.length > 0 ? parts[parts.length - 1].partNumber : after,
  };
}
