import type { IncomingHttpHeaders } from 'node:http';
import type { ReadConditions } from '@gw/core';

/**
 * If-Match, If-None-Match, If-Modified-Since, If-Unmodified-Since of a GET or HEAD as core read
 * conditions. An If-Modified-Since later than `now` is ignored: "a date which is later than the
 * server's current time is invalid" (RFC 2616 §14.25, RFC 7232 §3.3), and S3 then answers with
 * the object rather than 304.
 */
export function parseReadConditions(headers: IncomingHttpHeaders, now = new Date()): ReadConditions {
  const conditions = parseConditionHeaders(headers);
  if (conditions.ifModifiedSince && conditions.ifModifiedSince.getTime() > now.getTime()) conditions.ifModifiedSince = undefined;
  return conditions;
}

/**
 * The same four headers taken as given, dates in the future included: for conditions that are
 * not HTTP's own (S3's x-amz-copy-source-if-*, which fail a copy with 412 rather than skip it).
 */
export function parseConditionHeaders(headers: IncomingHttpHeaders): ReadConditions {
  return {
    ifMatch: etagList(headers['if-match']),
    ifNoneMatch: etagList(headers['if-none-match']),
    ifModifiedSince: httpDate(headers['if-modified-since']),
    ifUnmodifiedSince: httpDate(headers['if-unmodified-since']),
  };
}

/** `"a", W/"b", *` -> ['a', 'b', '*']; ETags compare without quotes or weakness markers. */
function etagList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const tags = value
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1'))
    .filter((tag) => tag.length > 0);
  return tags.length > 0 ? tags : undefined;
}

/** An invalid date is ignored, as RFC 9110 requires. */
function httpDate(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
