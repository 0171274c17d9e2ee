import { GatewayError } from '../errors';

/** A change to the user metadata of an account or a bucket: entries set, entries removed. */
export interface MetaChanges {
  set: Record<string, string>;
  remove: readonly string[];
}

/** Swift's constraints on account and container metadata, as `GET /info` advertises them. */
export const META_LIMITS = {
  max_meta_name_length: 128,
  max_meta_value_length: 256,
  max_meta_count: 90,
  max_meta_overall_size: 4096,
} as const;
const MAX_NAME = META_LIMITS.max_meta_name_length;
const MAX_VALUE = META_LIMITS.max_meta_value_length;
const MAX_COUNT = META_LIMITS.max_meta_count;
const MAX_OVERALL = META_LIMITS.max_meta_overall_size;

/** Refuses metadata a request may not set, as Swift does (400). */
export function assertMetaChanges(changes: MetaChanges): void {
  const entries = Object.entries(changes.set);
  if (entries.length > MAX_COUNT) throw new GatewayError('MetadataTooLarge', `Too many metadata items; max ${MAX_COUNT}`);
  let total = 0;
  for (const [name, value] of entries) {
    if (name === '') throw new GatewayError('InvalidArgument', 'Metadata name cannot be empty');
    if (Buffer.byteLength(name) > MAX_NAME) throw new GatewayError('MetadataTooLarge', `Metadata name too long; max ${MAX_NAME}`);
    if (Buffer.byteLength(value) > MAX_VALUE) throw new GatewayError('MetadataTooLarge', `Metadata value longer than ${MAX_VALUE}`);
    total += Buffer.byteLength(name) + Buffer.byteLength(value);
  }
  if (total > MAX_OVERALL) throw new GatewayError('MetadataTooLarge', `Total metadata too large; max ${MAX_OVERALL}`);
}
