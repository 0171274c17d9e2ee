/**
 * The body of a Swift SLO manifest PUT (`?multipart-manifest=put`), read and checked the way
 * `parse_and_validate_input` and `handle_multipart_put` of Swift's slo.py (2.30) do, before any
 * segment is looked up.
 *
 * API: `parseSloManifest(body, self)` -> `SloSegmentSpec[]`, or throws GatewayError:
 * - `InvalidArgument` (Swift 400, text/plain) with Swift's exact text: "Manifest must be valid
 *   JSON.\n", "Manifest must be a list.\n", or one "Index N: ..." line per bad entry;
 * - `EntityTooLarge` (Swift 413) "Number of object-backed segments must be <= 1000" (Swift
 *   2.30's text; every segment here is object-backed) / "Manifest File > 8388608 bytes".
 * Entries are `{path, etag?, size_bytes?, range?}`; `path` is `/container/object` (the leading
 * slash optional, as the KakaoCloud example omits it) in any container of the account. Every
 * segment must be at least 1 byte except the last (Swift dropped min_segment_size in 2.x).
 */
import { GatewayError } from '../errors';
import { RangeRequest, resolveRange } from '../objects/byte-range';

export const MAX_SLO_SEGMENTS = 1000;
export const MAX_SLO_MANIFEST_BYTES = 8 * 1024 * 1024;

/** A byte range of a segment as the manifest writes it (`a-b`, `a-`, `-n`): the core's range request. */
export type SegmentRange = RangeRequest;

export interface SloSegmentSpec {
  /** The path as the manifest wrote it (what Swift's error lines name). */
  path: string;
  container: string;
  object: string;
  etag?: string;
  sizeBytes?: number;
  range?: SegmentRange;
  /** The range as written, for the stored manifest. */
  rangeText?: string;
}

const ALLOWED_KEYS = new Set(['path', 'etag', 'size_bytes', 'range']);

export function parseSloManifest(body: string, self: { container: string; object: string }): SloSegmentSpec[] {
  if (Buffer.byteLength(body) > MAX_SLO_MANIFEST_BYTES) {
    throw new GatewayError('EntityTooLarge', `Manifest File > ${MAX_SLO_MANIFEST_BYTES} bytes`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new GatewayError('InvalidArgument', 'Manifest must be valid JSON.\n');
  }
  if (!Array.isArray(parsed)) throw new GatewayError('InvalidArgument', 'Manifest must be a list.\n');

  const errors: string[] = [];
  const specs: SloSegmentSpec[] = [];
  parsed.forEach((entry, index) => {
    const result = readEntry(entry, index, index === parsed.length - 1, self);
    if (typeof result === 'string') errors.push(`Index ${index}: ${result}`);
    else specs.push(result);
  });
  if (errors.length > 0) throw new GatewayError('InvalidArgument', errors.map((e) => e + '\n').join(''));
  if (specs.length > MAX_SLO_SEGMENTS) throw new GatewayError('EntityTooLarge', `Number of object-backed segments must be <= ${MAX_SLO_SEGMENTS}`);
  return specs;
}

/** One entry, or the text of its error (Swift reports the first problem of each entry). */
function readEntry(entry: unknown, index: number, isLast: boolean, self: { container: string; object: string }): SloSegmentSpec | string {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return 'not a JSON object';
  const seg = entry as Record<string, unknown>;
  if (!('path' in seg)) return 'missing keys "path"';
  const extraneous = Object.keys(seg).filter((k) => !ALLOWED_KEYS.has(k)).sort();
  if (extraneous.length > 0) return `extraneous keys ${extraneous.map((k) => `"${k}"`).join(', ')}`;
  if (typeof seg.path !== 'string') return '"path" must be a string';
  if (!(seg.etag === undefined || seg.etag === null || typeof seg.etag === 'string')) return '"etag" must be a string or null (if provided)';
  const trimmed = seg.path.replace(/^\/+|\/+$/g, '');
  if (!trimmed.includes('/')) return 'path does not refer to an object. Path must be of the form /container/object.';

  let sizeBytes: number | undefined;
  if (seg.size_bytes !== undefined && seg.size_bytes !== null) {
    sizeBytes = pythonInt(seg.size_bytes);
    if (sizeBytes === undefined) return 'invalid size_bytes';
    if (sizeBytes < 1 && !isLast) return 'too small; each segment must be at least 1 byte.';
  }
  const name = seg.path.replace(/^\/+/, '');
  const slash = name.indexOf('/');
  const container = name.slice(0, slash);
  const object = name.slice(slash + 1);
  if (container === self.container && object === self.object) return 'manifest must not include itself as a segment';

  const spec: SloSegmentSpec = { path: seg.path, container, object };
  if (typeof seg.etag === 'string') spec.etag = seg.etag;
  if (sizeBytes !== undefined) spec.sizeBytes = sizeBytes;
  if (seg.range !== undefined && seg.range !== null && seg.range !== '') {
    if (typeof seg.range !== 'string') return 'invalid range';
    if (seg.range.includes(',')) return parseSegmentRange(seg.range.split(',')[0]) ? 'multiple ranges (only one allowed)' : 'invalid range';
    const range = parseSegmentRange(seg.range);
    if (!range) return 'invalid range';
    if (sizeBytes !== undefined && !resolveSegmentRange(range, sizeBytes)) return 'unsatisfiable range';
    spec.range = range;
    spec.rangeText = seg.range;
  }
  return spec;
}

/** Python's int() of a JSON value: integers, integral strings, floats truncated. */
function pythonInt(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : undefined;
  if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)) return Number(value.trim());
  return undefined;
}

export function parseSegmentRange(text: string): SegmentRange | undefined {
  const m = /^\s*(\d*)-(\d*)\s*$/.exec(text);
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  if (m[1] === '') return Number(m[2]) > 0 ? { suffixLength: Number(m[2]) } : undefined;
  const first = Number(m[1]);
  if (m[2] === '') return { first };
  const last = Number(m[2]);
  return last >= first ? { first, last } : undefined;
}

/** The inclusive byte span a range selects from an object of `length` bytes; undefined when unsatisfiable. */
export function resolveSegmentRange(range: SegmentRange, length: number): { start: number; end: number } | undefined {
  try {
    const { start, end } = resolveRange(range, length);
    return { start, end };
  } catch {
    return undefined;
  }
}
