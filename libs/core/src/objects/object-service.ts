import type { BucketRecord, ObjectRecord } from '@gw/metadata';
import type { StorageContext } from '../storage-context';
import { deleteObject, DeleteManyResult, deleteObjects, DeleteResult } from './delete-object';
import { listObjects, ListObjectsInput, ListObjectsResult } from './list-objects';
import { putObject, PutObjectInput } from './put-object';
import { getObject, headObject, ObjectDownload, ObjectRead, ReadObjectInput } from './read-object';

/** The object operations every dialect calls; one file per operation holds the logic. */
export class ObjectService {
  constructor(private readonly ctx: StorageContext) {}

  put(input: PutObjectInput): Promise<ObjectRecord> {
    return putObject(this.ctx, input);
  }
  head(input: ReadObjectInput): Promise<ObjectRead> {
    return headObject(this.ctx, input);
  }
  get(input: ReadObjectInput): Promise<ObjectDownload> {
    return getObject(this.ctx, input);
  }
  delete(bucket: BucketRecord, key: string): Promise<DeleteResult> {
    return deleteObject(this.ctx, bucket, key);
  }
  deleteMany(bucket: BucketRecord, keys: string[]): Promise<DeleteManyResult[]> {
    return deleteObjects(this.ctx, bucket, keys);
  }
  list(input: ListObjectsInput): Promise<ListObjectsResult> {
    return listObjects(this.ctx, input);
  }
}
