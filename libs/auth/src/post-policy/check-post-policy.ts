import { GatewayError } from '@gw/core';
import type { PolicyCondition, PostPolicy } from './post-policy';

/** The byte range a policy allows the file to have (content-length-range), when it sets one. */
export interface ContentLengthRange {
  min: number;
  max: number;
}

/** Fields a policy never has to name: the signature material, the file, and x-ignore-* (S3's rule). */
const EXEMPT_FIELDS = new Set(['policy', 'signature', 'x-amz-signature', 'awsaccesskeyid', 'file']);

const refuse = (reason: string): GatewayError => new GatewayError('AccessDenied', `Invalid according to Policy: ${reason}`);

/**
 * Holds a browser POST form to its signed policy: not expired, every condition met (`bucket`
 * against the addressed bucket, every other against the form field of that name, lowercased),
 * and no form field the conditions do not name. Returns the content-length-range to enforce
 * while the file streams in (the size is not known before). AccessDenied "Invalid according to
 * Policy: ..." otherwise, worded as S3 words it.
 */
export function checkPostPolicy(
  policy: PostPolicy,
  form: { bucket: string; fields: Readonly<Record<string, string>> },
  now = new Date(),
): ContentLengthRange | undefined {
  if (now.getTime() >= policy.expiration.getTime()) throw refuse('Policy expired.');
  let range: ContentLengthRange | undefined;
  const named = new Set<string>();
  for (const condition of policy.conditions) {
    if (condition.op === 'content-length-range') {
      range = { min: condition.min, max: condition.max };
      continue;
    }
    named.add(condition.field);
    const actual = condition.field === 'bucket' ? form.bucket : (form.fields[condition.field] ?? '');
    if (!holds(condition, actual)) throw refuse(`Policy Condition failed: ${condition.text}`);
  }
  const extra = Object.keys(form.fields).filter((name) => !EXEMPT_FIELDS.has(name) && !name.startsWith('x-ignore-') && !named.has(name));
  if (extra.length > 0) throw refuse(`Extra input fields: ${extra.join(', ')}`);
  return range;
}

function holds(condition: Extract<PolicyCondition, { field: string }>, actual: string): boolean {
  if (condition.op === 'eq') return actual === condition.value;
  // A Content-Type may list several types; each must start with the prefix.
  const values = condition.field === 'content-type' ? actual.split(',').map((v) => v.trim()) : [actual];
  return values.every((value) => value.startsWith(condition.value));
}
