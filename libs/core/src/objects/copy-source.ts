import type { BucketRecord, ObjectRecord } from '@gw/metadata';
import { GatewayError, isGatewayError } from '../errors';
import type { SegmentReadCheck } from '../large-objects/dlo-segments';
import type { StorageContext } from '../storage-context';
import { checkReadConditions, ReadConditions } from './conditions';
import { DeleteMarkerError } from './delete-marker-error';
import { getObject, ObjectDownload } from './read-object';

/** The object a copy reads (UploadPartCopy, CopyObject) and the conditions put on it. */
export interface CopySource {
  bucket: BucketRecord;
  key: string;
  /** A version other than the latest. */
  versionId?: string;
  /** x-amz-copy-source-if-match, -if-none-match, -if-modified-since, -if-unmodified-since. */
  conditions?: ReadConditions;
  /** Whether the caller may read the container of a DLO source's segments when it is not the source's own; absent: yes. */
  mayReadSegments?: SegmentReadCheck;
}

/** Inclusive byte range of the source, as `x-amz-copy-source-range: bytes=first-last` gives it. */
export interface CopyRange {
  first: number;
  last: number;
}

/**
 * Opens the bytes a copy reads, through GetObject (so whatever a read does, a copy does). The
 * copy conditions are the read conditions but for one thing: where a GET would answer 304, a
 * copy fails with 412. A range must lie within the source: S3 refuses it rather than trim it.
 */
export async function openCopySource(ctx: StorageContext, source: CopySource, range?: CopyRange): Promise<ObjectDownload> {
  let download: ObjectDownload;
  try {
    download = await getObject(ctx, { ...source, range });
  } catch (error) {
    throw copyError(error, source.conditions ?? {});
  }
  const { object, body } = download;
  if (range && range.last >= object.size) {
    body.destroy();
    throw invalidCopyRange(object.size);
  }
  return download;
}

/**
 * A read failure as the copy reports it: conditions named by their copy headers, 304 as 412; a
 * delete marker is no source (S3: NoSuchKey, or InvalidRequest when named by its version id).
 */
export function copyError(error: unknown, conditions: ReadConditions): unknown {
  if (!isGatewayError(error)) return error;
  if (error instanceof DeleteMarkerError) {
    return error.code === 'NoSuchKey'
      ? new GatewayError('NoSuchKey', undefined, { Key: error.marker.key })
      : new GatewayError('InvalidRequest', 'The source of a copy request may not specifically refer to a delete marker by version id.');
  }
  switch (error.code) {
    case 'NotModified':
      return failedCondition(conditions.ifNoneMatch ? 'If-None-Match' : 'If-Modified-Since');
    case 'PreconditionFailed':
      return failedCondition(String(error.details.Condition));
    case 'InvalidRange':
      return invalidCopyRange(Number(error.details.ActualObjectSize));
    default:
      return error;
  }
}

/** The copy conditions on a source version already found (CopyObject reads no bytes). */
export function checkCopyConditions(source: ObjectRecord, conditions: ReadConditions = {}): void {
  try {
    checkReadConditions(source.etag, source.createdAt, conditions);
  } catch (error) {
    throw copyError(error, conditions);
  }
}

/** S3 copies at most 5 GiB in one request (the single-PUT limit). */
export const copySourceTooLarge = (limit: number): GatewayError =>
  new GatewayError('InvalidRequest', `The specified copy source is larger than the maximum allowable size for a copy source: ${limit}`);

const failedCondition = (condition: string): GatewayError =>
  new GatewayError('PreconditionFailed', undefined, { Condition: `x-amz-copy-source-${condition}` });

function invalidCopyRange(size: number): GatewayError {
  return new GatewayError('InvalidArgument', `Range specified is not valid for source object of size: ${size}`, {
    ArgumentName: 'x-amz-copy-source-range',
  });
}
