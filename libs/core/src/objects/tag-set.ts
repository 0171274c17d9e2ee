import { GatewayError } from '../errors';

/** S3 keeps at most 10 tags on an object. */
export const MAX_OBJECT_TAGS = 10;
const MAX_TAG_KEY = 128;
const MAX_TAG_VALUE = 256;
/** S3's tag alphabet: letters, digits, spaces and `_ . : / = + - @` (lengths count UTF-16 units, as S3 does). */
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/**
 * An object's tag set from the tags a client sent, in order, after S3's checks: each key 1..128
 * and each value 0..256 characters of the tag alphabet, no `aws:` keys (S3 reserves them), no
 * key twice, at most 10 tags. Entries rather than an object, so a repeated key can be refused.
 */
export function tagSetFrom(entries: Iterable<readonly [string, string]>): Record<string, string> {
  const seen = new Set<string>();
  const list = [...entries];
  for (const [key, value] of list) {
    if (key.length < 1 || key.length > MAX_TAG_KEY || !TAG_TEXT.test(key)) {
      throw new GatewayError('InvalidTag', 'The TagKey you have provided is invalid', { TagKey: key });
    }
    if (value.length > MAX_TAG_VALUE || !TAG_TEXT.test(value)) {
      throw new GatewayError('InvalidTag', 'The TagValue you have provided is invalid', { TagKey: key, TagValue: value });
    }
    if (key.toLowerCase().startsWith('aws:')) {
      throw new GatewayError('InvalidTag', 'System tags cannot be added/updated by requester', { TagKey: key });
    }
    if (seen.has(key)) throw new GatewayError('InvalidTag', 'Cannot provide multiple Tags with the same key', { TagKey: key });
    seen.add(key);
  }
  if (list.length > MAX_OBJECT_TAGS) throw new GatewayError('BadRequest', `Object tags cannot be greater than ${MAX_OBJECT_TAGS}`);
  // fromEntries defines own properties: a tag named `__proto__` stays a tag.
  return Object.fromEntries(list);
}

/** The same checks on a tag set already keyed by name (a writer's `tags` input). */
export function assertValidTagSet(tags: Record<string, string>): void {
  tagSetFrom(Object.entries(tags));
}
