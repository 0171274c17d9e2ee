import type { ObjectRecord } from '@gw/metadata';
import { GatewayError } from '../errors';

/**
 * A read that found a delete marker: NoSuchKey when it was the latest version of the key,
 * MethodNotAllowed when the request named the marker's version id. Dialects tell the client
 * which marker it was (S3: `x-amz-delete-marker`, `x-amz-version-id`).
 */
export class DeleteMarkerError extends GatewayError {
  // One unconditional super(): with a parameter property, tsc (ES2022 class fields) emits the
  // `this.marker` assignment before a conditional super, which throws at run time.
  constructor(readonly marker: ObjectRecord, named: boolean) {
    super(named ? 'MethodNotAllowed' : 'NoSuchKey', undefined, named ? { ResourceType: 'DeleteMarker' } : { Key: marker.key });
  }
}
