import type { ObjectRecord, UploadRecord } from '@gw/metadata';
import type { StorageContext } from '../storage-context';
import { abortUpload } from './abort-upload';
import { CompleteUploadInput, completeUpload } from './complete-upload';
import { createUpload, CreateUploadInput } from './create-upload';
import type { UploadTarget } from './find-upload';
import { listParts, ListPartsInput, ListPartsResult } from './list-parts';
import { listUploads, ListUploadsInput, ListUploadsResult } from './list-uploads';
import { uploadPart, UploadedPart, UploadPartInput } from './upload-part';
import { uploadPartCopy, UploadPartCopyInput } from './upload-part-copy';

/**
 * Multipart uploads, for every dialect (S3 multipart; Swift SLO and the Swift multipart
 * extension build on the same parts and manifests). One file per operation holds the logic.
 */
export class MultipartService {
  constructor(private readonly ctx: StorageContext) {}

  create(input: CreateUploadInput): Promise<UploadRecord> {
    return createUpload(this.ctx, input);
  }
  uploadPart(input: UploadPartInput): Promise<UploadedPart> {
    return uploadPart(this.ctx, input);
  }
  uploadPartCopy(input: UploadPartCopyInput): Promise<UploadedPart> {
    return uploadPartCopy(this.ctx, input);
  }
  listParts(input: ListPartsInput): Promise<ListPartsResult> {
    return listParts(this.ctx, input);
  }
  list(input: ListUploadsInput): Promise<ListUploadsResult> {
    return listUploads(this.ctx, input);
  }
  complete(input: CompleteUploadInput): Promise<ObjectRecord> {
    return completeUpload(this.ctx, input);
  }
  abort(target: UploadTarget): Promise<void> {
    return abortUpload(this.ctx, target);
  }
}
