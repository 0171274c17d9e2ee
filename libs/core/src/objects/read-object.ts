import type { Readable } from 'node:stream';
import { BucketRecord, ObjectRecord, repositories } from '@gw/metadata';
import { translateBlobError } from '../blob-errors';
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
  const object = await resolveVersion(ctx.db.knex, input.bucket, input.key, input.versionId);
  checkReadConditions(object.etag, object.createdAt, input.conditions ?? {});
  const range =
    input.partNumber !== undefined
      ? await partRange(ctx.db.knex, object, input.partNumber)
      : input.range
        ? resolveRange(input.range, object.size)
        : undefined;
  return { object, range };
}

/** GetObject: metadata plus a stream of the bytes (or of the range), opened before returning. */
export async function getObject(ctx: StorageContext, input: ReadObjectInput): Promise<ObjectDownload> {
  const { object, range } = await headObject(ctx, input);
  const parts = object.blobId ? [] : await repositories(ctx.db.knex).objects.parts(object.id);
  try {
    const body = await openObjectStream(ctx, object, parts, range);
    return { object, range, body };
  } catch (error) {
    throw translateBlobError(error);
  }
}
