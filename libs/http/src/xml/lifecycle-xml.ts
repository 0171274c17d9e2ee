import { GatewayError, LifecycleConfiguration, LifecycleFilter, LifecycleRule, LifecycleStatus } from '@gw/core';
import { expectOnly, integerText, optionalChild, optionalText, parseConfigDocument, requiredText } from './config-xml';
import { children, renderXml, S3_NAMESPACE } from './xml';

// S3's <LifecycleConfiguration> (PutBucketLifecycleConfiguration, and the legacy
// PutBucketLifecycle whose rules name a top-level Prefix) to and from the core's lifecycle model.
// The /v1_ext XML lifecycle is the same document (its rules use the rule-level Prefix or a
// Filter/Prefix), so both dialects read and write it here.

const NO_TRANSITIONS = 'This gateway has a single storage class: lifecycle transitions are not implemented.';
const NO_SIZE_FILTERS = 'This gateway does not implement lifecycle filters on object size.';

export async function parseLifecycleXml(body: Buffer): Promise<LifecycleConfiguration> {
  const configuration = await parseConfigDocument(body, 'LifecycleConfiguration', ['Rule']);
  return { rules: children(configuration, 'Rule').map(parseRule) };
}

function parseRule(rule: unknown): LifecycleRule {
  expectOnly(rule, ['ID', 'Status', 'Prefix', 'Filter', 'Expiration', 'NoncurrentVersionExpiration', 'AbortIncompleteMultipartUpload'], {
    Transition: NO_TRANSITIONS,
    NoncurrentVersionTransition: NO_TRANSITIONS,
  });
  const status = requiredText(rule, 'Status');
  const prefix = optionalText(rule, 'Prefix');
  const filter = optionalChild(rule, 'Filter');
  if (prefix !== undefined && filter !== undefined) throw new GatewayError('InvalidRequest', 'A rule may have a Filter or a Prefix, not both.');
  if (prefix === undefined && filter === undefined) throw new GatewayError('MalformedXML');

  const expiration = optionalChild(rule, 'Expiration');
  const noncurrent = optionalChild(rule, 'NoncurrentVersionExpiration');
  const abort = optionalChild(rule, 'AbortIncompleteMultipartUpload');
  return {
    id: optionalText(rule, 'ID') ?? '',
    status: status as LifecycleStatus,
    filter: prefix !== undefined ? { prefix, form: 'prefix' } : parseFilter(filter),
    ...(expiration !== undefined ? { expiration: parseExpiration(expiration) } : {}),
    ...(noncurrent !== undefined ? { noncurrentVersionExpiration: parseNoncurrent(noncurrent) } : {}),
    ...(abort !== undefined ? { abortIncompleteMultipartUpload: parseAbort(abort) } : {}),
  };
}

/** A Filter holds at most one of Prefix, Tag and And; And holds a Prefix and Tags. */
function parseFilter(filter: unknown): LifecycleFilter {
  const sizes = { ObjectSizeGreaterThan: NO_SIZE_FILTERS, ObjectSizeLessThan: NO_SIZE_FILTERS };
  expectOnly(filter, ['Prefix', 'Tag', 'And'], sizes);
  const prefix = optionalText(filter, 'Prefix');
  const tag = optionalChild(filter, 'Tag');
  const and = optionalChild(filter, 'And');
  if ([prefix, tag, and].filter((predicate) => predicate !== undefined).length > 1) throw new GatewayError('MalformedXML');
  if (and !== undefined) {
    expectOnly(and, ['Prefix', 'Tag'], sizes);
    const andPrefix = optionalText(and, 'Prefix');
    const tags = children(and, 'Tag').map(parseTag);
    if (andPrefix === undefined && tags.length === 0) throw new GatewayError('MalformedXML');
    if (new Set(tags.map(([key]) => key)).size !== tags.length) throw new GatewayError('InvalidRequest', 'Duplicate Tag Keys are not allowed.');
    return { ...(andPrefix !== undefined ? { prefix: andPrefix } : {}), tags: Object.fromEntries(tags), form: 'and' };
  }
  if (tag !== undefined) return { tags: Object.fromEntries([parseTag(tag)]), form: 'filter' };
  return { ...(prefix !== undefined ? { prefix } : {}), form: 'filter' };
}

function parseTag(tag: unknown): [string, string] {
  expectOnly(tag, ['Key', 'Value']);
  return [requiredText(tag, 'Key'), requiredText(tag, 'Value')];
}

function parseExpiration(expiration: unknown): LifecycleRule['expiration'] {
  expectOnly(expiration, ['Days', 'Date', 'ExpiredObjectDeleteMarker']);
  const days = integerText(optionalText(expiration, 'Days'));
  const date = optionalText(expiration, 'Date');
  const marker = optionalText(expiration, 'ExpiredObjectDeleteMarker');
  if (marker !== undefined && marker !== 'true' && marker !== 'false') throw new GatewayError('MalformedXML');
  return {
    ...(days !== undefined ? { days } : {}),
    ...(date !== undefined ? { date: date.trim() } : {}),
    ...(marker !== undefined ? { expiredObjectDeleteMarker: marker === 'true' } : {}),
  };
}

function parseNoncurrent(noncurrent: unknown): LifecycleRule['noncurrentVersionExpiration'] {
  expectOnly(noncurrent, ['NoncurrentDays', 'NewerNoncurrentVersions']);
  const newer = integerText(optionalText(noncurrent, 'NewerNoncurrentVersions'));
  return { noncurrentDays: integerText(requiredText(noncurrent, 'NoncurrentDays'))!, ...(newer !== undefined ? { newerNoncurrentVersions: newer } : {}) };
}

function parseAbort(abort: unknown): LifecycleRule['abortIncompleteMultipartUpload'] {
  expectOnly(abort, ['DaysAfterInitiation']);
  return { daysAfterInitiation: integerText(requiredText(abort, 'DaysAfterInitiation'))! };
}

/** GetBucketLifecycleConfiguration: the rules as stored, each filter in the form it was given (/v1_ext: without the S3 namespace). */
export function renderLifecycleXml(configuration: LifecycleConfiguration, namespace: string | null = S3_NAMESPACE): string {
  return renderXml('LifecycleConfiguration', { Rule: configuration.rules.map(renderRule) }, namespace);
}

function renderRule(rule: LifecycleRule): object {
  const { expiration, noncurrentVersionExpiration: noncurrent, abortIncompleteMultipartUpload: abort } = rule;
  return {
    ID: rule.id,
    ...(rule.filter.form === 'prefix' ? { Prefix: rule.filter.prefix ?? '' } : { Filter: renderFilter(rule.filter) }),
    Status: rule.status,
    ...(expiration
      ? {
          Expiration:
            expiration.days !== undefined
              ? { Days: expiration.days }
              : expiration.date !== undefined
                ? { Date: expiration.date }
                : { ExpiredObjectDeleteMarker: String(expiration.expiredObjectDeleteMarker) },
        }
      : {}),
    ...(noncurrent
      ? {
          NoncurrentVersionExpiration: {
            NoncurrentDays: noncurrent.noncurrentDays,
            ...(noncurrent.newerNoncurrentVersions !== undefined ? { NewerNoncurrentVersions: noncurrent.newerNoncurrentVersions } : {}),
          },
        }
      : {}),
    ...(abort ? { AbortIncompleteMultipartUpload: { DaysAfterInitiation: abort.daysAfterInitiation } } : {}),
  };
}

/** One predicate stands alone in the Filter; several (or a filter given with And) are joined by And. */
function renderFilter(filter: LifecycleFilter): object {
  const tags = Object.entries(filter.tags ?? {}).map(([Key, Value]) => ({ Key, Value }));
  const prefix = filter.prefix !== undefined ? { Prefix: filter.prefix } : {};
  if (filter.form === 'and' || tags.length + (filter.prefix !== undefined ? 1 : 0) > 1) return { And: { ...prefix, Tag: tags } };
  return tags.length === 1 ? { Tag: tags[0] } : prefix;
}
