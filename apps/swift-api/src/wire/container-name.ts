import { GatewayError } from '@gw/core';

/** Swift's MAX_CONTAINER_NAME_LENGTH, in bytes. */
export const SWIFT_MAX_CONTAINER_NAME_BYTES = 256;

/**
 * Swift's own checks on a new container's name, answered as Swift words them (400, plain text).
 * A name that passes is then held to the relaxed container rules of the core (letters, digits,
 * `.`, `_`, `-`, as Ceph RGW allows for Swift): InvalidBucketName, 400.
 */
export function assertSwiftContainerName(name: string): void {
  const bytes = Buffer.byteLength(name, 'utf8');
  if (bytes > SWIFT_MAX_CONTAINER_NAME_BYTES) throw new GatewayError('BadRequest', `Container name length of ${bytes} longer than ${SWIFT_MAX_CONTAINER_NAME_BYTES}`);
  if (name.includes('/')) throw new GatewayError('BadRequest', 'Container name cannot contain slashes');
}
