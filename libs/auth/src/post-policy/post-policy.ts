import { GatewayError } from '@gw/core';

/** One condition of a POST policy, field names lowercased and without their `$`. */
export type PolicyCondition =
  | { op: 'eq' | 'starts-with'; field: string; value: string; text: string }
  | { op: 'content-length-range'; min: number; max: number; text: string };

/** The decoded policy document of a browser POST upload. */
export interface PostPolicy {
  expiration: Date;
  conditions: PolicyCondition[];
}

const invalid = (reason: string): GatewayError => new GatewayError('InvalidPolicyDocument', `Invalid Policy: ${reason}`);

/** How S3 quotes a condition in "Policy Condition failed": `["eq", "$key", "user/"]`. */
const quote = (parts: unknown[]): string => `[${parts.map((p) => JSON.stringify(p)).join(', ')}]`;

/**
 * Decodes the base64 `policy` field: `{"expiration": ISO 8601, "conditions": [...]}` where a
 * condition is `{"field": "value"}` (exact match), `["eq" | "starts-with", "$field", "value"]`
 * or `["content-length-range", min, max]`
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html).
 * Anything else is InvalidPolicyDocument, as S3 answers.
 */
export function parsePostPolicy(base64: string): PostPolicy {
  let document: unknown;
  try {
    document = JSON.parse(Buffer.from(base64, 'base64').toString('utf8'));
  } catch {
    throw invalid('Invalid JSON.');
  }
  if (!document || typeof document !== 'object' || Array.isArray(document)) throw invalid('Invalid JSON.');
  const { expiration, conditions } = document as Record<string, unknown>;
  if (expiration === undefined) throw invalid('Policy missing expiration.');
  const expires = typeof expiration === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(expiration) ? Date.parse(expiration) : NaN;
  if (Number.isNaN(expires)) throw invalid(`Invalid 'expiration' value: '${String(expiration)}'`);
  if (conditions === undefined) throw invalid('Policy missing conditions.');
  if (!Array.isArray(conditions)) throw invalid("Invalid 'conditions' value: must be a list.");
  return { expiration: new Date(expires), conditions: conditions.flatMap(parseCondition) };
}

function parseCondition(condition: unknown): PolicyCondition[] {
  if (Array.isArray(condition)) return [parseListCondition(condition)];
  if (condition && typeof condition === 'object') {
    return Object.entries(condition).map(([field, value]) => {
      if (typeof value !== 'string') throw invalid(`Invalid Simple-Condition: value must be a string.`);
      return { op: 'eq', field: field.toLowerCase(), value, text: quote(['eq', `$${field}`, value]) };
    });
  }
  throw invalid(`Invalid Condition: ${JSON.stringify(condition)}`);
}

function parseListCondition(parts: unknown[]): PolicyCondition {
  const [operation, first, second] = parts;
  const op = typeof operation === 'string' ? operation.toLowerCase() : operation;
  const text = quote(parts);
  if (op === 'content-length-range') {
    const [min, max] = [lengthBound(first), lengthBound(second)];
    if (parts.length !== 3 || min === undefined || max === undefined || min > max) throw invalid(`Invalid content-length-range: ${text}`);
    return { op, min, max, text };
  }
  if (op !== 'eq' && op !== 'starts-with') throw invalid(`Invalid Condition: unknown operation in ${text}`);
  if (parts.length !== 3 || typeof first !== 'string' || !first.startsWith('$') || typeof second !== 'string') {
    throw invalid(`Invalid Condition: ${text}`);
  }
  return { op, field: first.slice(1).toLowerCase(), value: second, text };
}

function lengthBound(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}
