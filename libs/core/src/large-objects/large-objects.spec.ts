import { createHash } from 'node:crypto';
import type { ObjectPartRecord, ObjectRecord } from '@gw/metadata';
import { checkSloSegments, dloEtag, formatSloErrors, parseDloManifest, parseSloManifest, segmentsToParts } from './index';
import type { SegmentLookup, SloSegmentSpec } from './index';

const SELF = { container: 'c', object: 'manifest' };
const md5 = (s: string) => createHash('md5').update(s).digest('hex');

function object(key: string, size: number, etag: string, extra: Partial<ObjectRecord> = {}): ObjectRecord {
  return {
    id: 1, bucketId: 1, key, versionId: 'null', isLatest: true, isDeleteMarker: false, size, etag,
    userMeta: {}, headers: {}, checksums: {}, tags: {}, blobId: `blob-${key}`,
    createdAt: new Date('2026-01-02T03:04:05.678Z'), ...extra,
  };
}

describe('parseSloManifest', () => {
  it.each([
    ['spec example (no leading slash, size as number or string)', '[{"path":"test-bucket/a.txt","etag":"e1","size_bytes":4},{"path":"/other/b","size_bytes":"1369"}]',
      [{ path: 'test-bucket/a.txt', container: 'test-bucket', object: 'a.txt', etag: 'e1', sizeBytes: 4 }, { path: '/other/b', container: 'other', object: 'b', sizeBytes: 1369 }]],
    ['etag null and no size', '[{"path":"/c/dir/o","etag":null}]', [{ path: '/c/dir/o', container: 'c', object: 'dir/o' }]],
    ['range', '[{"path":"/c/o","range":"1-3"}]', [{ path: '/c/o', container: 'c', object: 'o', range: { first: 1, last: 3 }, rangeText: '1-3' }]],
    ['zero-byte last segment allowed', '[{"path":"/c/a","size_bytes":1},{"path":"/c/b","size_bytes":0}]',
      [{ path: '/c/a', container: 'c', object: 'a', sizeBytes: 1 }, { path: '/c/b', container: 'c', object: 'b', sizeBytes: 0 }]],
  ])('%s', (_n, body, expected) => expect(parseSloManifest(body, SELF)).toEqual(expected));

  it.each([
    ['not JSON', '[{', 'Manifest must be valid JSON.\n'],
    ['not a list', '{"path":"/c/o"}', 'Manifest must be a list.\n'],
    ['entry errors, one line each', JSON.stringify([
      'x', {}, { path: '/c/o', foo: 1, bar: 2 }, { path: 5 }, { path: '/c/o', etag: 5 }, { path: '/c' }, { path: '/c/o', size_bytes: 'x' },
      { path: '/c/o', size_bytes: 0 }, { path: '/c/manifest' }, { path: '/c/o', range: '5-1' }, { path: '/c/o', range: '1-2,4-5' },
      { path: '/c/o', size_bytes: 3, range: '10-' }, { path: '/c/o' },
    ]),
      'Index 0: not a JSON object\nIndex 1: missing keys "path"\nIndex 2: extraneous keys "bar", "foo"\nIndex 3: "path" must be a string\n' +
      'Index 4: "etag" must be a string or null (if provided)\nIndex 5: path does not refer to an object. Path must be of the form /container/object.\n' +
      'Index 6: invalid size_bytes\nIndex 7: too small; each segment must be at least 1 byte.\nIndex 8: manifest must not include itself as a segment\n' +
      'Index 9: invalid range\nIndex 10: multiple ranges (only one allowed)\nIndex 11: unsatisfiable range\n'],
  ])('%s -> InvalidArgument', (_n, body, message) => {
    expect(() => parseSloManifest(body, SELF)).toThrow(expect.objectContaining({ code: 'InvalidArgument', message }));
  });

  it('takes 1000 segments and refuses 1001 as Swift does (413)', () => {
    const list = (n: number) => JSON.stringify(Array.from({ length: n }, (_, i) => ({ path: `/c/s${i}` })));
    expect(parseSloManifest(list(1000), SELF)).toHaveLength(1000);
    expect(() => parseSloManifest(list(1001), SELF)).toThrow(expect.objectContaining({ code: 'EntityTooLarge', message: 'Number of object-backed segments must be <= 1000' }));
  });
});

describe('checkSloSegments', () => {
  const store: Record<string, SegmentLookup> = {
    'c/a': { found: true, object: object('a', 4, md5('a')), parts: [] },
    'c/b': { found: true, object: object('b', 6, md5('b'), { contentType: 'text/plain' }), parts: [] },
    'c/empty': { found: true, object: object('empty', 0, md5('')), parts: [] },
    'c/denied': { found: false, status: '403 Forbidden' },
  };
  const lookup = (s: SloSegmentSpec): SegmentLookup => store[`${s.container}/${s.object}`] ?? { found: false, status: '404 Not Found' };
  const specs = (body: unknown[]) => parseSloManifest(JSON.stringify(body), SELF);

  it('accepts matching segments and computes size, ETag and the stored manifest', () => {
    const check = checkSloSegments(specs([{ path: '/c/a', etag: md5('a'), size_bytes: 4 }, { path: 'c/b', range: '1-' }, { path: '/c/empty' }]), lookup);
    expect(check).toMatchObject({
      ok: true,
      size: 4 + 5,
      etag: md5(`${md5('a')}${md5('b')}:1-5;${md5('')}`),
      manifest: [
        { name: '/c/a', bytes: 4, hash: md5('a'), content_type: 'application/octet-stream', last_modified: '2026-01-02T03:04:05.678000' },
        { name: '/c/b', bytes: 6, hash: md5('b'), content_type: 'text/plain', range: '1-5' },
        { name: '/c/empty', bytes: 0 },
      ],
    });
  });

  it('drops a range that covers the whole segment, as Swift does', () => {
    const check = checkSloSegments(specs([{ path: '/c/a', range: '0-3' }]), lookup);
    expect(check).toMatchObject({ ok: true, etag: md5(md5('a')) });
    expect(check.ok && check.manifest[0].range).toBeUndefined();
  });

  it.each([
    ['missing segment', [{ path: '/c/nope' }], [['/c/nope', '404 Not Found']]],
    ['denied segment', [{ path: '/c/denied' }], [['/c/denied', '403 Forbidden']]],
    ['etag mismatch', [{ path: '/c/a', etag: 'bad' }], [['/c/a', 'Etag Mismatch']]],
    ['size mismatch', [{ path: '/c/a', size_bytes: 5 }], [['/c/a', 'Size Mismatch']]],
    ['both, size first', [{ path: '/c/a', size_bytes: 5, etag: 'bad' }], [['/c/a', 'Size Mismatch'], ['/c/a', 'Etag Mismatch']]],
    ['empty segment not last', [{ path: '/c/empty' }, { path: '/c/a' }], [['/c/empty', 'Too small; each segment must be at least 1 byte.']]],
    ['unsatisfiable range', [{ path: '/c/a', range: '10-' }], [['/c/a', 'Unsatisfiable Range']]],
    ['names are quoted', [{ path: '/c/a b' }], [['/c/a%20b', '404 Not Found']]],
  ])('%s', (_n, body, errors) => {
    expect(checkSloSegments(specs(body), lookup)).toEqual({ ok: false, errors });
  });

  it.each([
    ['text/plain' as const, 'Errors:\n/c/nope, 404 Not Found\n/c/a, Etag Mismatch\n'],
    ['application/json' as const, '{"Errors": [["/c/nope", "404 Not Found"], ["/c/a", "Etag Mismatch"]]}'],
  ])('renders the 400 body as %s', (format, body) => {
    const check = checkSloSegments(specs([{ path: '/c/nope' }, { path: '/c/a', etag: 'x' }]), lookup);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(formatSloErrors(check.errors, format)).toBe(body);
  });
});

describe('segmentsToParts', () => {
  const part = (n: number, size: number, startOffset: number): ObjectPartRecord => ({ partNumber: n, blobId: `p${n}`, size, etag: `e${n}`, startOffset });
  const multipart = object('mp', 10, 'mp-2', { blobId: undefined, partCount: 2 });
  const mpParts = [part(1, 6, 0), part(2, 4, 6)];

  it.each([
    ['simple objects in order', [{ object: object('a', 4, 'ea'), parts: [], start: 0, end: 3 }, { object: object('b', 2, 'eb'), parts: [], start: 0, end: 1 }],
      [{ partNumber: 1, blobId: 'blob-a', size: 4, etag: 'ea', startOffset: 0 }, { partNumber: 2, blobId: 'blob-b', size: 2, etag: 'eb', startOffset: 4 }]],
    ['a multipart segment expands to its parts', [{ object: object('a', 4, 'ea'), parts: [], start: 0, end: 3 }, { object: multipart, parts: mpParts, start: 0, end: 9 }],
      [{ partNumber: 1, blobId: 'blob-a', size: 4, etag: 'ea', startOffset: 0 }, { partNumber: 2, blobId: 'p1', size: 6, etag: 'e1', startOffset: 4 }, { partNumber: 3, blobId: 'p2', size: 4, etag: 'e2', startOffset: 10 }]],
    ['a range on part boundaries keeps those parts', [{ object: multipart, parts: mpParts, start: 6, end: 9 }], [{ partNumber: 1, blobId: 'p2', size: 4, etag: 'e2', startOffset: 0 }]],
    ['zero-byte segments add nothing', [{ object: object('z', 0, 'ez'), parts: [], start: 0, end: -1 }], []],
  ])('%s', (_n, segments, parts) => expect(segmentsToParts(segments)).toEqual(parts));

  it('keeps the slice of a blob a range cuts into, and of parts already sliced', () => {
    expect(segmentsToParts([{ object: object('a', 4, 'ea'), parts: [], start: 1, end: 2 }])).toEqual([
      { partNumber: 1, blobId: 'blob-a', size: 2, etag: 'ea', startOffset: 0, blobOffset: 1 },
    ]);
    const sliced = [{ ...part(1, 6, 0), blobOffset: 3 }, part(2, 4, 6)];
    expect(segmentsToParts([{ object: multipart, parts: sliced, start: 4, end: 7 }])).toEqual([
      { partNumber: 1, blobId: 'p1', size: 2, etag: 'e1', startOffset: 0, blobOffset: 7 },
      { partNumber: 2, blobId: 'p2', size: 2, etag: 'e2', startOffset: 2 },
    ]);
  });
});

describe('parseDloManifest', () => {
  it.each([
    ['test-bucket/DLO', { container: 'test-bucket', prefix: 'DLO' }],
    ['segs/big%20file/00', { container: 'segs', prefix: 'big file/00' }],
    ['c%C3%A9/p', { container: 'cé', prefix: 'p' }],
  ])('%s', (value, expected) => expect(parseDloManifest(value)).toEqual(expected));
  it.each([['c'], ['c/'], ['/p'], ['c//p'], ['c/p?x'], ['c/p&x'], ['c/%E0']])('rejects %s', (value) => {
    expect(() => parseDloManifest(value)).toThrow(expect.objectContaining({ code: 'InvalidArgument', message: 'X-Object-Manifest must be in the format container/prefix' }));
  });
  it('ETag is the md5 of the segment ETags', () => expect(dloEtag(['a', 'b'])).toBe(md5('ab')));
});
