import type { Readable } from 'node:stream';
import { BucketRecord, ObjectRecord, repositories } from '@gw/metadata';
import { translateBlobError } from '../blob-errors';
import { GatewayError } from '../errors';
import type { StorageContext } from '../storage-context';
import { RangeRequest, ResolvedRange, resolveRange } from './byte-range';
import { checkReadConditions, ReadConditions } from './conditions';
import { assertValidObjectKey } from './object-key';
import { openObjectStream } from './object-stream';

export interface ReadObjectInput {
  bucket: BucketRecord;
  key: string;
  conditions?: ReadConditions;
  range?: RangeRequest;
}

export interface ObjectRead {
  object: ObjectRecord;
  /** Present when a range was requested and is satisfiable. */
  range?: ResolvedRange;
}

export interface ObjectDownload extends ObjectRead {
  body: Readable;
}

/** HeadObject: the latest version's metadata after the preconditions hold. */
export async function headObject(ctx: StorageContext, input: ReadObjectInput): Promise<ObjectRead> {
  const object = await findReadable(ctx, input.bucket, input.key);
  checkReadConditions(object.etag, object.createdAt, input.conditions ?? {});
  const range = input.range ? resolveRange(input.range, object.size) : undefined;
  return { object, range };
}

/** GetObject: metadata plus a stream of the bytes (or of the range), opened before returning. */
export async function getObject(ctx: StorageContext, input: ReadObjectInput): Promise<ObjectDownload> {
  const { object, range } = await headObject(ctx, input);
  const parts = object.blobId ? [] : await repositories(ctx.db.knex).objects.parts(object.id);
  try {
    const body = await openObjectStream(ctx.blobs, object, parts, range);
    return { object, range, body };
  } catch (error) {
    throw translateBlobError(error);
  }
}

async function findReadable(ctx: StorageContext, bucket: BucketRecord, key: string): Promise<ObjectRecord> {
  assertValidObjectKey(key); // a NUL would reach the database as an error, not as a missing key
  const object = await repositories(ctx.db.knex).objects.findLatest(bucket.id, key);
  if (!object || object.isDeleteMarker) throw new GatewayError('NoSuchKey', undefined, { Key: key });
  return object;
}
