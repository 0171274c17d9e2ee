import type { IncomingHttpHeaders } from 'node:http';
import type { ReadConditions } from '@gw/core';

/** If-Match, If-None-Match, If-Modified-Since, If-Unmodified-Since as core read conditions. */
export function parseReadConditions(headers: IncomingHttpHeaders): ReadConditions {
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
