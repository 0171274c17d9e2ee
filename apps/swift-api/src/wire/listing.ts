import type { Response } from 'express';
import { GatewayError } from '@gw/core';
import { sendBody } from './common-headers';

/** One row of an account or container listing: its JSON fields in Swift's order. */
export type ListingEntry = { name: string; [field: string]: string | number } | { subdir: string };

const subdirOf = (entry: ListingEntry): string | undefined => ('subdir' in entry && typeof entry.subdir === 'string' ? entry.subdir : undefined);

/** `?format=` (or the Accept header): plain text, one name a line, by default. */
export function listingFormat(query: URLSearchParams, accept: string | undefined): 'plain' | 'json' | 'xml' {
  const format = (query.get('format') ?? '').toLowerCase();
  if (format === 'json' || format === 'xml' || format === 'plain') return format;
  if (accept?.includes('application/json')) return 'json';
  if (accept?.includes('application/xml') || accept?.includes('text/xml')) return 'xml';
  return 'plain';
}

/** `?limit=`: a whole number up to `max` (Swift answers 412 above it); `max` when absent. */
export function listingLimit(query: URLSearchParams, max: number): number {
  const raw = query.get('limit');
  if (raw === null || raw === '') return max;
  if (!/^\d+$/.test(raw)) throw new GatewayError('BadRequest', 'Value of limit must be a positive integer');
  const limit = Number(raw);
  if (limit > max) throw new GatewayError('PreconditionFailed', `Maximum limit is ${max}`);
  return limit;
}

/** The parameters account and container listings share (`marker`, `end_marker`: '' when absent). */
export function listingParams(query: URLSearchParams, accept: string | undefined, max: number) {
  return {
    format: listingFormat(query, accept),
    limit: listingLimit(query, max),
    marker: query.get('marker') ?? '',
    endMarker: query.get('end_marker') ?? '',
  };
}

const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Sends a listing: plain text names (204 when empty, as Swift does), a JSON array, or XML with
 * `root` (`account` / `container`) named `name` and `item` elements.
 */
export function sendListing(res: Response, format: 'plain' | 'json' | 'xml', root: { tag: string; name: string; item: string }, entries: ListingEntry[]): void {
  if (format === 'json') return sendBody(res, 200, 'application/json; charset=utf-8', JSON.stringify(entries));
  if (format === 'xml') {
    const items = entries.map((entry) =>
      subdirOf(entry) !== undefined
        ? `<subdir name="${escapeXml(subdirOf(entry)!)}"><name>${escapeXml(subdirOf(entry)!)}</name></subdir>`
        : `<${root.item}>${Object.entries(entry).map(([k, v]) => `<${k}>${escapeXml(String(v))}</${k}>`).join('')}</${root.item}>`,
    );
    return sendBody(res, 200, 'application/xml; charset=utf-8', `<?xml version="1.0" encoding="UTF-8"?>\n<${root.tag} name="${escapeXml(root.name)}">${items.join('')}</${root.tag}>`);
  }
  if (entries.length === 0) {
    res.status(204).setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end();
    return;
  }
  sendBody(res, 200, 'text/plain; charset=utf-8', entries.map((e) => (subdirOf(e) ?? String((e as { name: string }).name)) + '\n').join(''));
}
