import { randomBytes } from 'node:crypto';
import { HEX_ID } from '../ids';

/**
 * Upload ids: 32 hex characters, opaque to clients and unguessable (80 random bits), led by the
 * initiation time in milliseconds. S3 lists a key's uploads in initiation order and resumes
 * after an `upload-id-marker` by id order; with the time in front, the two orders agree.
 */
export function newUploadId(initiatedAt: Date): string {
  return initiatedAt.getTime().toString(16).padStart(12, '0') + randomBytes(10).toString('hex');
}

/** Only ids this gateway issues can name an upload; anything else is NoSuchUpload without a query. */
export const isUploadId = (value: string): boolean => HEX_ID.test(value);
