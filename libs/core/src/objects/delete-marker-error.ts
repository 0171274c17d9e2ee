import type { ObjectRecord } from '@gw/metadata';
import { GatewayError } from '../errors';

/**
 * A read that found a delete marker: NoSuchKey when it was the latest version of the key,
 * MethodNotAllowed when the request named the marker's version id. Dialects tell the client
 * which marker it was (S3: `x-amz-delete-marker`, `x-amz-version-id`).
 */
export class DeleteMarkerError extends GatewayError {
  constructor(readonly marker: ObjectRecord, named: boolean) {
    if (named) super('MethodNotAllowed', undefined, { ResourceType: 'DeleteMarker' });
    else super('NoSuchKey', undefined, { Key: marker.key });
  }
}
