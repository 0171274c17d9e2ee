import { GatewayError } from '../errors';

/** S3 caps user metadata (names plus values, in UTF-8 bytes) at 2 KiB. */
export function assertUserMetadataSize(meta: Record<string, string>, maxBytes: number): void {
  let total = 0;
  for (const [name, value] of Object.entries(meta)) total += Buffer.byteLength(name) + Buffer.byteLength(value);
  if (total > maxBytes) {
    throw new GatewayError('MetadataTooLarge', undefined, { Size: total, MaxSizeAllowed: maxBytes });
  }
}
