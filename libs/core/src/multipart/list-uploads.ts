import { BucketRecord, repositories, UploadRangeQuery, UploadRecord } from '@gw/metadata';
import { assertListingParameter, ListingSource, listRolledUp, startPosition } from '../objects/rolled-up-listing';
import type { StorageContext } from '../storage-context';

export interface ListUploadsInput {
  bucket: BucketRecord;
  prefix?: string;
  delimiter?: string;
  /** Resume after this key or common prefix (key-marker). */
  keyMarker?: string;
  /** With keyMarker: resume after this upload of that key, not after the whole key (upload-id-marker). */
  uploadIdMarker?: string;
  maxUploads: number;
}

export interface ListUploadsResult {
  uploads: UploadRecord[];
  commonPrefixes: string[];
  isTruncated: boolean;
  /** The last key or common prefix listed (NextKeyMarker). */
  nextKeyMarker?: string;
  /** The last upload listed, when the page ended on an upload (NextUploadIdMarker). */
  nextUploadIdMarker?: string;
}

type Position = NonNullable<UploadRangeQuery['from']>;

/**
 * ListMultipartUploads: uploads in progress by key (UTF-8 byte order), then by initiation, with
 * S3's prefix, delimiter roll-up and (key-marker, upload-id-marker) paging.
 */
export async function listUploads(ctx: StorageContext, input: ListUploadsInput): Promise<ListUploadsResult> {
  const prefix = input.prefix ?? '';
  assertListingParameter('prefix', prefix);
  assertListingParameter('key-marker', input.keyMarker);
  assertListingParameter('upload-id-marker', input.uploadIdMarker);
  const delimiter = input.delimiter || undefined;
  const uploads = repositories(ctx.db.knex).uploads;
  const source: ListingSource<UploadRecord, Position> = {
    keyOf: (row) => row.key,
    after: (row) => ({ key: row.key, uploadId: row.uploadId }),
    at: (key, inclusive) => ({ key, inclusive }),
    fetch: (from, before, limit) => uploads.list(input.bucket.id, { prefix: prefix || undefined, from, before, limit }),
  };
  let start = startPosition(source, input.keyMarker, prefix, delimiter);
  // The upload id marker counts only with a key marker that names a key (not a rolled-up prefix).
  if (input.uploadIdMarker && start && !start.inclusive && start.key === input.keyMarker) {
    start = { key: input.keyMarker, uploadId: input.uploadIdMarker };
  }
  const page = await listRolledUp(source, { prefix, delimiter, maxKeys: input.maxUploads, start });
  const last = page.last;
  return {
    uploads: page.rows,
    commonPrefixes: page.commonPrefixes,
    isTruncated: page.isTruncated,
    nextKeyMarker: last && ('row' in last ? last.row.key : last.prefix),
    nextUploadIdMarker: last && 'row' in last ? last.row.uploadId : undefined,
  };
}
