import type { Request, Response } from 'express';
import { BucketRecord, DeleteMarkerError, ErrorDetails, NULL_VERSION } from '@gw/core';
import { httpDate } from './timestamps';

/**
 * `x-amz-version-id` of the version a request read or changed (GET, HEAD, tagging, a delete
 * by id): sent by any bucket that has had versioning, `null` included; never by one that has not.
 */
export function writeVersionHeader(res: Response, bucket: Pick<BucketRecord, 'versioning'>, versionId: string): void {
  if (bucket.versioning !== 'Unversioned') res.setHeader('x-amz-version-id', versionId);
}

/** `x-amz-version-id` of a version a write created (PUT, COPY): S3 names real ids only, never the null version. */
export function writeNewVersionHeader(res: Response, versionId: string): void {
  if (versionId !== NULL_VERSION) res.setHeader('x-amz-version-id', versionId);
}

/**
 * What an error answer says about the delete marker a read found: the marker's headers, and for
 * a marker named by its id (405) its time, the one method it takes (DELETE) and the method refused.
 * Returns the details to put first in the error document.
 */
export function describeDeleteMarker(error: DeleteMarkerError, req: Request, res: Response): ErrorDetails {
  res.setHeader('x-amz-delete-marker', 'true');
  res.setHeader('x-amz-version-id', error.marker.versionId);
  if (error.code !== 'MethodNotAllowed') return {};
  res.setHeader('Last-Modified', httpDate(error.marker.createdAt));
  res.setHeader('Allow', 'DELETE');
  return { Method: req.method };
}
