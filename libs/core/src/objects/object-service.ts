import type { BucketRecord, ObjectRecord } from '@gw/metadata';
import type { StorageContext } from '../storage-context';
import { copyObject, CopyObjectInput, CopyObjectResult } from './copy-object';
import { deleteObject, DeleteManyResult, deleteObjects, DeleteOptions, DeleteResult, DeleteTarget } from './delete-object';
import { listObjectVersions, ListVersionsInput, ListVersionsResult } from './list-object-versions';
import { deletePrefix, DeletePrefixOptions, DeletePrefixResult } from './delete-prefix';
import { expireObjects, ExpirationBatch } from './expire-objects';
import { listObjects, ListObjectsInput, ListObjectsResult } from './list-objects';
import { putObject, PutObjectInput } from './put-object';
import { getObject, headObject, ObjectDownload, ObjectRead, ReadObjectInput } from './read-object';
import { getObjectTags, setObjectTags, TaggingTarget } from './object-tagging';
import { updateObjectMetadata, UpdateObjectMetadataInput } from './update-object-metadata';

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
  delete(bucket: BucketRecord, target: string | DeleteTarget, options?: DeleteOptions): Promise<DeleteResult> {
    return deleteObject(this.ctx, bucket, target, options);
  }
  deleteMany(bucket: BucketRecord, targets: (string | DeleteTarget)[], options?: DeleteOptions): Promise<DeleteManyResult[]> {
    return deleteObjects(this.ctx, bucket, targets, options);
  }
  /** Deletes every live object under `prefix` ('' = all) in bounded batches: KakaoCloud `?dir-delete`. */
  deletePrefix(bucket: BucketRecord, prefix: string, options?: DeletePrefixOptions): Promise<DeletePrefixResult> {
    return deletePrefix(this.ctx, bucket, prefix, options);
  }
  copy(input: CopyObjectInput): Promise<CopyObjectResult> {
    return copyObject(this.ctx, input);
  }
  listVersions(input: ListVersionsInput): Promise<ListVersionsResult> {
    return listObjectVersions(this.ctx, input);
  }
  getTags(target: TaggingTarget): Promise<ObjectRecord> {
    return getObjectTags(this.ctx, target);
  }
  /** Replaces the tag set of a version; `{}` removes every tag (DeleteObjectTagging). */
  setTags(target: TaggingTarget, tags: Record<string, string>): Promise<ObjectRecord> {
    return setObjectTags(this.ctx, target, tags);
  }
  list(input: ListObjectsInput): Promise<ListObjectsResult> {
    return listObjects(this.ctx, input);
  }
  /** The worker's expiry batch: deletes up to `batchSize` objects whose X-Delete-At has passed. */
  expire(options: { batchSize: number }): Promise<ExpirationBatch> {
    return expireObjects(this.ctx, options);
  }
  /** Replaces the latest version's user metadata (and content type) in place: Swift POST object. */
  updateMetadata(input: UpdateObjectMetadataInput): Promise<ObjectRecord> {
    return updateObjectMetadata(this.ctx, input);
  }
}
