/**
 * Checking an SLO manifest's segments against what the store holds, as `handle_multipart_put`
 * of Swift's slo.py does once it has HEADed every segment. Pure: the app looks the segments up
 * (each distinct path once) and passes the results in.
 *
 * API: `checkSloSegments(specs, lookup)` -> `SloCheck`:
 * - `{ ok: true, segments, size, etag, manifest }`: the segments with their objects and the
 *   normalised byte span; the SLO ETag (md5 of the segment ETags, `etag:range;` for ranged
 *   ones, unquoted); the manifest as `?multipart-manifest=get` returns it
 *   (`name, bytes, hash, content_type, last_modified, range?, sub_slo?`).
 * - `{ ok: false, errors }`: Swift's `[quoted path, problem]` pairs ("404 Not Found",
 *   "Etag Mismatch", "Size Mismatch", "Unsatisfiable Range", "Too small; each segment must be
 *   at least 1 byte."), to render with `formatSloErrors` as the 400 body.
 */
import { createHash } from 'node:crypto';
import type { ObjectPartRecord, ObjectRecord, SloManifestEntry } from '@gw/metadata';
import { formatSwiftReport, ReportError, ReportFormat, swiftQuote } from '../bulk/swift-report';
import { resolveSegmentRange, SloSegmentSpec } from './slo-manifest';

/** What looking a segment up found. A failure carries Swift's status line ("404 Not Found", "403 Forbidden"). */
export type SegmentLookup =
  | { found: true; object: ObjectRecord; parts: ObjectPartRecord[]; isSlo?: boolean }
  | { found: false; status: string };

export interface CheckedSegment {
  spec: SloSegmentSpec;
  object: ObjectRecord;
  parts: ObjectPartRecord[];
  /** Inclusive byte span of the segment's object that the large object uses. */
  start: number;
  end: number;
}

/** One entry of a stored manifest (kept with the object, so its type lives with the records). */
export type { SloManifestEntry };

export type SloCheck =
  | { ok: true; segments: CheckedSegment[]; size: number; etag: string; manifest: SloManifestEntry[] }
  | { ok: false; errors: ReportError[] };

export function checkSloSegments(specs: readonly SloSegmentSpec[], lookup: (spec: SloSegmentSpec) => SegmentLookup): SloCheck {
  const errors: ReportError[] = [];
  const segments: CheckedSegment[] = [];
  const manifest: SloManifestEntry[] = [];
  const md5 = createHash('md5');
  let size = 0;
  specs.forEach((spec, index) => {
    const name = swiftQuote(spec.path);
    const found = lookup(spec);
    if (!found.found) {
      errors.push([name, found.status]);
      return;
    }
    const length = found.object.size;
    let span = { start: 0, end: length - 1 };
    let rangeText: string | undefined;
    if (spec.range) {
      const resolved = resolveSegmentRange(spec.range, length);
      if (!resolved) errors.push([name, 'Unsatisfiable Range']);
      else if (resolved.start !== 0 || resolved.end !== length - 1) {
        span = resolved;
        rangeText = `${resolved.start}-${resolved.end}`;
      }
    }
    const used = span.end - span.start + 1;
    if (used < 1 && index !== specs.length - 1) errors.push([name, 'Too small; each segment must be at least 1 byte.']);
    if (spec.sizeBytes !== undefined && spec.sizeBytes !== length) errors.push([name, 'Size Mismatch']);
    if (spec.etag !== undefined && spec.etag !== found.object.etag) errors.push([name, 'Etag Mismatch']);

    size += Math.max(used, 0);
    md5.update(rangeText ? `${found.object.etag}:${rangeText};` : found.object.etag);
    segments.push({ spec, object: found.object, parts: found.parts, ...span });
    manifest.push({
      name: '/' + spec.path.replace(/^\/+/, ''),
      bytes: length,
      hash: found.object.etag,
      content_type: found.object.contentType ?? 'application/octet-stream',
      // Swift's '%Y-%m-%dT%H:%M:%S.%f': microseconds, no zone.
      last_modified: found.object.createdAt.toISOString().replace('Z', '000'),
      ...(rangeText ? { range: rangeText } : {}),
      ...(found.isSlo ? { sub_slo: true as const } : {}),
    });
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, segments, size, etag: md5.digest('hex'), manifest };
}

/** The 400 body of a refused manifest: Swift writes only the Errors list (no status fields) when not heartbeating. */
export function formatSloErrors(errors: readonly ReportError[], format: ReportFormat): string {
  return formatSwiftReport(format, [], errors, 'upload');
}
