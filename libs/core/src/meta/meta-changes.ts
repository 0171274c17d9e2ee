import { GatewayError } from '../errors';

/** A change to the user metadata of an account or a bucket: entries set, entries removed. */
export interface MetaChanges {
  set: Record<string, string>;
  remove: readonly string[];
}

/** Swift's constraints (max_meta_name_length, max_meta_value_length, max_meta_count, max_meta_overall_size). */
const MAX_NAME = 128;
const MAX_VALUE = 256;
const MAX_COUNT = 90;
const MAX_OVERALL = 4096;

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
