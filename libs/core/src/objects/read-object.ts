import type { Readable } from 'node:stream';
import { BucketRecord, ObjectPartRecord, ObjectRecord, repositories } from '@gw/metadata';
import { translateBlobError } from '../blob-errors';
import { resolveDloSegments, SegmentReadCheck } from '../large-objects/dlo-segments';
import type { StorageContext } from '../storage-context';
import { RangeRequest, ResolvedRange, resolveRange } from './byte-range';
import { checkReadConditions, ReadConditions } from './conditions';
import { openObjectStream } from './object-stream';
import { partRange } from './part-range';
import { resolveVersion } from './resolve-version';

export interface ReadObjectInput {
  bucket: BucketRecord;
  key: string;
  conditions?: ReadConditions;
  range?: RangeRequest;
  /** A version of the key other than the latest. */
  versionId?: string;
  /** Read part N of the object (its bytes as a range) instead of `range`. */
  partNumber?: number;
  /** A Swift large object's manifest object itself (`?multipart-manifest=get`), not the large object. */
  asStored?: boolean;
  /** Whether the caller may read the container of a DLO's segments when it is not the DLO's own (decided already); absent: yes. */
  mayReadSegments?: SegmentReadCheck;
}

export interface ObjectRead {
  object: ObjectRecord;
  /** Present when a range was requested and is satisfiable. */
  range?: ResolvedRange;
}

export interface ObjectDownload extends ObjectRead {
  body: Readable;
}

/** HeadObject: the addressed version's metadata (the latest by default) after the preconditions hold. */
export async function headObject(ctx: StorageContext, input: ReadObjectInput): Promise<ObjectRead> {
  const { object, range } = await resolveRead(ctx, input);
  return { object, range };
}

/**
 * The version a read addresses, with the range it reads. A Swift DLO is read as its current
 * segments (as Swift and Ceph RGW answer it, whatever the dialect): the record then carries
 * their total size and the DLO ETag, and `parts` are the segments' blobs.
 */
async function resolveRead(ctx: StorageContext, input: ReadObjectInput): Promise<ObjectRead & { parts?: ObjectPartRecord[] }> {
  let object = await resolveVersion(ctx.db.knex, input.bucket, input.key, input.versionId);
  let parts: ObjectPartRecord[] | undefined;
  if (object.largeObject?.kind === 'dlo' && !input.asStored) {
    const dlo = await resolveDloSegments(ctx.db.knex, input.bucket.accountId, object.largeObject, { mayRead: input.mayReadSegments, decidedBucketId: input.bucket.id });
    object = { ...object, blobId: undefined, blobKey: undefined, partCount: undefined, size: dlo.size, etag: dlo.etag };
    parts = dlo.parts;
  }
  checkReadConditions(object.etag, object.createdAt, input.conditions ?? {});
  const range =
    input.partNumber !== undefined
      ? await partRange(ctx.db.knex, object, input.partNumber)
      : input.range
        ? resolveRange(input.range, object.size)
        : undefined;
  return { object, range, parts };
}

/** GetObject: metadata plus a stream of the bytes (or of the range), opened before returning. */
export async function getObject(ctx: StorageContext, input: ReadObjectInput): Promise<ObjectDownload> {
  const { object, range, parts: resolved } = await resolveRead(ctx, input);
  const parts = resolved ?? (object.blobId ? [] : await repositories(ctx.db.knex).objects.parts(object.id));
  try {
    const body = await openObjectStream(ctx, object, parts, range);
    return { object, range, body };
  } catch (error) {
    throw translateBlobError(error);
  }
}
