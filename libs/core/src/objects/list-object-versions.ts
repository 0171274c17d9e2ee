import { BucketRecord, ObjectRecord, repositories } from '@gw/metadata';
import { GatewayError } from '../errors';
import type { StorageContext } from '../storage-context';
import { assertListingParameter, ListingSource, listRolledUp, startPosition } from './rolled-up-listing';
import { assertValidVersionId } from './version-id';

export interface ListVersionsInput {
  bucket: BucketRecord;
  prefix?: string;
  delimiter?: string;
  /** Resume after this key (or, with `versionIdMarker`, after that version of it). */
  keyMarker?: string;
  versionIdMarker?: string;
  maxKeys: number;
}

export interface ListVersionsResult {
  /** Versions and delete markers: keys in byte order, each key's versions newest first. */
  versions: ObjectRecord[];
  commonPrefixes: string[];
  isTruncated: boolean;
  /** Where the next page resumes, when truncated. */
  nextKeyMarker?: string;
  nextVersionIdMarker?: string;
}

/** A place among versions: at or after a key, or inside a key below a row (row ids grow newest last). */
interface VersionPosition {
  key: string;
  inclusive: boolean;
  belowId?: number;
}

/**
 * ListObjectVersions: every version and delete marker of the bucket, rolled up by delimiter like
 * ListObjects (a page costs what it returns). Markers resume after a key, or inside a key after
 * one of its versions.
 */
export async function listObjectVersions(ctx: StorageContext, input: ListVersionsInput): Promise<ListVersionsResult> {
  const prefix = input.prefix ?? '';
  const keyMarker = input.keyMarker ?? '';
  assertListingParameter('prefix', prefix);
  assertListingParameter('key-marker', keyMarker);
  const versionIdMarker = checkVersionIdMarker(keyMarker, input.versionIdMarker);
  const delimiter = input.delimiter || undefined;
  const objects = repositories(ctx.db.knex).objects;
  const source: ListingSource<ObjectRecord, VersionPosition> = {
    keyOf: (row) => row.key,
    after: (row) => ({ key: row.key, inclusive: false, belowId: row.id }),
    at: (key, inclusive) => ({ key, inclusive }),
    fetch: (from, before, limit) =>
      objects.listVersions(input.bucket.id, { prefix: prefix || undefined, from: from?.key, inclusive: from?.inclusive, belowId: from?.belowId, before, limit }),
  };

  let start = startPosition(source, keyMarker, prefix, delimiter);
  if (versionIdMarker !== undefined && start?.key === keyMarker && !start.inclusive) {
    const marker = await objects.findVersion(input.bucket.id, keyMarker, versionIdMarker);
    // A marker version deleted since the last page (a client emptying the bucket page by page):
    // resume at the start of its key, so no older version of it is skipped.
    start = marker ? source.after(marker) : source.at(keyMarker, true);
  }
  const page = await listRolledUp(source, { prefix, delimiter, maxKeys: input.maxKeys, start });
  const result: ListVersionsResult = { versions: page.rows, commonPrefixes: page.commonPrefixes, isTruncated: page.isTruncated };
  if (page.isTruncated && page.last) {
    if ('row' in page.last) {
      result.nextKeyMarker = page.last.row.key;
      result.nextVersionIdMarker = page.last.row.versionId;
    } else result.nextKeyMarker = page.last.prefix;
  }
  return result;
}

/** S3's rules: a version-id marker only with a key marker, never empty, in the version id format. */
function checkVersionIdMarker(keyMarker: string, versionIdMarker: string | undefined): string | undefined {
  if (versionIdMarker === undefined) return undefined;
  if (keyMarker === '') {
    if (versionIdMarker === '') return undefined; // an empty pair is how some clients ask for the first page
    throw new GatewayError('InvalidArgument', 'A version-id marker cannot be specified without a key marker.', {
      ArgumentName: 'version-id-marker',
      ArgumentValue: versionIdMarker,
    });
  }
  if (versionIdMarker === '') {
    throw new GatewayError('InvalidArgument', 'A version-id marker cannot be empty.', { ArgumentName: 'version-id-marker', ArgumentValue: '' });
  }
  assertValidVersionId(versionIdMarker, 'version-id-marker');
  return versionIdMarker;
}
