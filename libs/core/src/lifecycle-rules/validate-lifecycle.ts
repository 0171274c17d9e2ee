import { randomUUID } from 'node:crypto';
import { GatewayError } from '../errors';
import { MAX_KEY_BYTES } from '../objects/object-key';
import { tagSetFrom } from '../objects/tag-set';
import {
  LifecycleConfiguration,
  LifecycleExpiration,
  LifecycleRule,
  MAX_LIFECYCLE_RULE_ID,
  MAX_LIFECYCLE_RULES,
  MAX_NEWER_NONCURRENT_VERSIONS,
} from './lifecycle-rule';

const DAY_MS = 86_400_000;

const invalidArgument = (message: string) => new GatewayError('InvalidArgument', message);
const invalidRequest = (message: string) => new GatewayError('InvalidRequest', message);

/**
 * A configuration as it is stored: S3's checks, in the order and with the errors S3 answers
 * them, applied to what any dialect parsed; rules without an id get one, dates are written in
 * one form. What only a wire format can get wrong (a missing element, `Days` that is not a
 * number) is the dialect's to refuse before calling this.
 */
export function normalizeLifecycle(configuration: LifecycleConfiguration): LifecycleConfiguration {
  const { rules } = configuration;
  if (rules.length === 0) throw new GatewayError('MalformedXML');
  if (rules.length > MAX_LIFECYCLE_RULES) throw invalidArgument(`Rules number should not exceed allowed limit of ${MAX_LIFECYCLE_RULES}`);
  const ids = new Set<string>();
  const normalized = rules.map((rule) => {
    const checked = normalizeRule(rule);
    if (ids.has(checked.id)) throw invalidArgument('Rule ID must be unique. Found same ID for more than one rule');
    ids.add(checked.id);
    return checked;
  });
  return { rules: normalized };
}

function normalizeRule(rule: LifecycleRule): LifecycleRule {
  // S3 names a rule without an ID itself (a random base64 string).
  const id = rule.id === '' ? Buffer.from(randomUUID()).toString('base64') : rule.id;
  if (id.length > MAX_LIFECYCLE_RULE_ID) throw invalidArgument(`ID length should not exceed allowed limit of ${MAX_LIFECYCLE_RULE_ID}`);
  if (rule.status !== 'Enabled' && rule.status !== 'Disabled') throw new GatewayError('MalformedXML');

  const { prefix, tags } = rule.filter;
  if (prefix !== undefined && Buffer.byteLength(prefix, 'utf8') > MAX_KEY_BYTES) {
    throw invalidArgument(`The prefix of a rule must not be longer than ${MAX_KEY_BYTES} bytes`);
  }
  // The same tag checks as an object's tag set: a filter naming tags no object can hold matches nothing.
  const hasTags = tags !== undefined && Object.keys(tagSetFrom(Object.entries(tags))).length > 0;

  const { expiration, noncurrentVersionExpiration: noncurrent, abortIncompleteMultipartUpload: abort } = rule;
  if (!expiration && !noncurrent && !abort) throw invalidRequest('At least one action needs to be specified in a rule');
  const normalizedExpiration = expiration && normalizeExpiration(expiration, hasTags);
  if (noncurrent) {
    if (!isPositiveInteger(noncurrent.noncurrentDays)) {
      throw invalidArgument("'NoncurrentDays' for NoncurrentVersionExpiration action must be a positive integer");
    }
    const newer = noncurrent.newerNoncurrentVersions;
    if (newer !== undefined && (!isPositiveInteger(newer) || newer > MAX_NEWER_NONCURRENT_VERSIONS)) {
      throw invalidArgument(`'NewerNoncurrentVersions' for NoncurrentVersionExpiration action must be a positive integer up to ${MAX_NEWER_NONCURRENT_VERSIONS}`);
    }
  }
  if (abort) {
    if (!isPositiveInteger(abort.daysAfterInitiation)) {
      throw invalidArgument("'DaysAfterInitiation' for AbortIncompleteMultipartUpload action must be a positive integer");
    }
    // Uploads carry no tags until they complete.
    if (hasTags) throw invalidRequest('AbortIncompleteMultipartUpload cannot be specified with Tags.');
  }
  return { ...rule, id, ...(normalizedExpiration ? { expiration: normalizedExpiration } : {}) };
}

function normalizeExpiration(expiration: LifecycleExpiration, hasTags: boolean): LifecycleExpiration {
  const { days, date, expiredObjectDeleteMarker } = expiration;
  const given = [days, date, expiredObjectDeleteMarker].filter((value) => value !== undefined).length;
  if (given !== 1) throw new GatewayError('MalformedXML');
  if (days !== undefined) {
    if (!isPositiveInteger(days)) throw invalidArgument("'Days' for Expiration action must be a positive integer");
    return { days };
  }
  if (date !== undefined) {
    const time = parseIsoDate(date);
    if (time === undefined) throw new GatewayError('MalformedXML');
    if (time % DAY_MS !== 0) throw invalidArgument("'Date' must be at midnight GMT");
    return { date: new Date(time).toISOString() };
  }
  // Delete markers have no tags, so a tag filter would never let the marker action apply.
  if (hasTags) throw invalidRequest('ExpiredObjectDeleteMarker cannot be specified with Tags.');
  return { expiredObjectDeleteMarker };
}

// ISO 8601 as S3 takes it: a date, or a date and time; a time without a zone is UTC.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(Z|[+-]\d{2}:\d{2})?)?$/;

function parseIsoDate(text: string): number | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const time = Date.parse(text.length === 10 || match[1] !== undefined ? text : `${text}Z`);
  return Number.isNaN(time) ? undefined : time;
}

const isPositiveInteger = (n: number): boolean => Number.isSafeInteger(n) && n > 0;
