import { BucketRecord, ObjectRepository, repositories } from '@gw/metadata';
import { bodyOf, newAccount, openStorageFixture, StorageFixture } from '../testing';
import type { ListObjectsInput, ListObjectsResult } from './list-objects';

const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

// Nested folders, keys equal to a common prefix ('a/', 'z/', 'été/'), neighbours of '/' in byte
// order ('a.', 'a0'), multi-byte keys whose UTF-8 order differs from UTF-16 order ('～' vs '😀'),
// keys around the surrogate gap and at the top of the code space, a multi-character delimiter.
const KEYS = [
  'a', 'a.', 'a/', 'a//double', 'a/b', 'a/b/', 'a/b/c', 'a/b/d', 'a/c', 'a0', 'ab',
  'b/x', 'b/y/z',
  'photos/2024/01/a.jpg', 'photos/2024/01/b.jpg', 'photos/2024/02/c.jpg', 'photos/2025/x.jpg', 'photos/readme',
  'x:', 'x::', 'x::y', 'x::y::z', 'x:y::z',
  'z', 'z/', 'z//', 'z/::/y',
  '\u00e9t\u00e9/', '\u00e9t\u00e9/plage.jpg', '\u4e2d\u6587/\u6587\u4ef6', '\uff5e/x', '\uff5e',
  '\ud7ff/a', '\ue000/b', '\u{1F600}', '\u{1F600}/smile', '\u{10FFFF}b', '\u{10FFFF}\u{10FFFF}a',
];
/** Rows the listing must never show: a delete marker as latest version, a non-latest version. */
const HIDDEN = ['deleted/key', 'a/b/old'];

/**
 * The obvious listing: sort by UTF-8 bytes (descending with `reverse`), drop keys at or beyond
 * `until`, filter by prefix, roll up, keep what is after the marker in listing order (in
 * reverse, a common prefix holding the marker was already returned).
 */
function reference(keys: string[], input: Omit<ListObjectsInput, 'bucket'>): Omit<ListObjectsResult, 'objects'> & { keys: string[] } {
  const prefix = input.prefix ?? '';
  const direction = input.reverse ? -1 : 1;
  const entries: { value: string; isPrefix: boolean }[] = [];
  for (const key of [...keys].sort((a, b) => direction * byteOrder(a, b))) {
    if (!key.startsWith(prefix)) continue;
    if (input.until !== undefined && direction * byteOrder(key, input.until) >= 0) continue;
    const at = input.delimiter ? key.indexOf(input.delimiter, prefix.length) : -1;
    const entry = at < 0 ? { value: key, isPrefix: false } : { value: key.slice(0, at + input.delimiter!.length), isPrefix: true };
    if (entry.isPrefix && entries.some((e) => e.isPrefix && e.value === entry.value)) continue;
    entries.push(entry);
  }
  const after = input.after;
  const remaining = after ? entries.filter((e) => direction * byteOrder(e.value, after) > 0 && !(input.reverse && e.isPrefix && after.startsWith(e.value))) : entries;
  const page = remaining.slice(0, input.maxKeys);
  return {
    keys: page.filter((e) => !e.isPrefix).map((e) => e.value),
    commonPrefixes: page.filter((e) => e.isPrefix).map((e) => e.value),
    isTruncated: remaining.length > input.maxKeys,
    nextAfter: page.length > 0 ? page[page.length - 1].value : undefined,
  };
}

const canonical = (r: Omit<ListObjectsResult, 'objects'> & { keys: string[] }) =>
  JSON.stringify([r.keys, r.commonPrefixes, r.isTruncated, r.nextAfter ?? null]);
const show = (s: string | undefined) =>
  s === undefined ? 'undefined' : JSON.stringify(s).replace(/[^\x20-\x7e]/gu, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);

describe('listObjects', () => {
  let f: StorageFixture;
  beforeAll(async () => (f = await openStorageFixture()));
  afterAll(() => f.close());

  let bucket: BucketRecord;
  beforeAll(async () => {
    const account = await newAccount(f.storage);
    bucket = await f.storage.buckets.create({ accountId: account, name: 'listing' });
    const objects = repositories(f.t.db.knex).objects;
    const row = (key: string) => ({
      bucketId: bucket.id, key, versionId: 'null', isDeleteMarker: false, size: 1, etag: 'e',
      userMeta: {}, headers: {}, checksums: {}, tags: {},
    });
    // Listing reads rows only, so most keys go in as rows; a few go through put, as clients write them.
    const viaPut = new Set(['a/', 'a/b/c', '\u{1F600}/smile']);
    for (const key of KEYS) {
      if (viaPut.has(key)) await f.storage.objects.put({ bucket, key, body: bodyOf(key) });
      else await objects.insertLatest(row(key));
    }
    await objects.insertLatest({ ...row('deleted/key'), versionId: 'v1', isDeleteMarker: true });
    const old = await objects.insertLatest({ ...row('a/b/old'), versionId: 'v1' });
    await objects.clearLatest(old.id);
  });

  const list = async (input: Omit<ListObjectsInput, 'bucket'>) => {
    const result = await f.storage.objects.list({ bucket, ...input });
    const { objects, ...rest } = result;
    return { ...rest, keys: objects.map((o) => o.key) };
  };

  it('lists every live key in UTF-8 byte order, hiding delete markers and old versions', async () => {
    const { keys, commonPrefixes, isTruncated } = await list({ maxKeys: 1000 });
    expect(keys).toEqual([...KEYS].sort(byteOrder));
    expect(keys).not.toEqual([...KEYS].sort()); // the key set really tells the two orders apart
    expect(keys).toEqual(expect.not.arrayContaining(HIDDEN));
    expect(commonPrefixes).toEqual([]);
    expect(isTruncated).toBe(false);
  });

  it('rolls keys up at the delimiter', async () => {
    expect(await list({ delimiter: '/', maxKeys: 1000 })).toEqual({
      keys: ['a', 'a.', 'a0', 'ab', 'x:', 'x::', 'x::y', 'x::y::z', 'x:y::z', 'z', '\uff5e', '\u{1F600}', '\u{10FFFF}b', '\u{10FFFF}\u{10FFFF}a'],
      commonPrefixes: ['a/', 'b/', 'photos/', 'z/', '\u00e9t\u00e9/', '\u4e2d\u6587/', '\ud7ff/', '\ue000/', '\uff5e/', '\u{1F600}/'],
      isTruncated: false,
      nextAfter: '\u{10FFFF}\u{10FFFF}a',
    });
    expect(await list({ prefix: 'a/', delimiter: '/', maxKeys: 1000 })).toEqual({
      keys: ['a/', 'a/b', 'a/c'], // 'a/' itself is a key under the prefix 'a/'
      commonPrefixes: ['a//', 'a/b/'],
      isTruncated: false,
      nextAfter: 'a/c',
    });
    expect(await list({ prefix: 'x', delimiter: '::', maxKeys: 1000 })).toMatchObject({
      keys: ['x:'],
      commonPrefixes: ['x::', 'x:y::'], // the delimiter is looked for only after the prefix
    });
  });

  it('matches the reference listing for every prefix, delimiter, marker and page size', async () => {
    const prefixes = ['', 'a', 'a/', 'a/b', 'a/b/', 'photos/', 'photos/2024/', 'x', 'x::', 'z/', '\u00e9t\u00e9/', '\u{1F600}', '\u{10FFFF}', 'nope'];
    const delimiters = [undefined, '/', '::', '\u{10FFFF}'];
    const afters = [undefined, 'a', 'a/', 'a/b', 'a/b/c', 'a/b/zz', 'b', 'photos/2024/', 'photos/2024/01/a.jpg', 'x::', '\u00e9', '\uff5e', '\u{1F600}/', '\u{10FFFF}', 'zzz'];
    const mismatches: string[] = [];
    let compared = 0;
    for (const prefix of prefixes) {
      for (const delimiter of delimiters) {
        for (const after of afters) {
          for (const maxKeys of [1, 3, 1000]) {
            const input = { prefix, delimiter, after, maxKeys };
            const expected = reference(KEYS, input);
            const actual = await list(input);
            compared++;
            if (canonical(actual) !== canonical(expected)) {
              mismatches.push(
                `prefix=${show(prefix)} delimiter=${show(delimiter)} after=${show(after)} maxKeys=${maxKeys}: ` +
                  `got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`,
              );
            }
          }
        }
      }
    }
    expect(compared).toBe(prefixes.length * delimiters.length * afters.length * 3);
    expect(mismatches).toEqual([]);
  });

  it('matches the reference listing backwards (reverse) and with an end marker (until)', async () => {
    const prefixes = ['', 'a', 'a/', 'a/b/', 'photos/', 'x', '\u{1F600}', '\u{10FFFF}', 'nope'];
    const delimiters = [undefined, '/', '::'];
    const afters = [undefined, 'a', 'a/', 'a/b', 'a/b/c', 'b', 'photos/2024/', 'x::', '\uff5e', '\u{1F600}/', '\u{10FFFF}', 'zzz'];
    const untils = [undefined, 'a/b', 'photos/2024/02', 'x:']; // swept both ways
    const mismatches: string[] = [];
    for (const prefix of prefixes) {
      for (const delimiter of delimiters) {
        for (const after of afters) {
          for (const until of untils) {
            for (const reverse of [true, false]) {
              for (const maxKeys of [2, 1000]) {
                const input = { prefix, delimiter, after, maxKeys, reverse, until };
                const expected = reference(KEYS, input);
                const actual = await list(input);
                if (canonical(actual) !== canonical(expected)) {
                  mismatches.push(`${JSON.stringify(input)}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
                }
              }
            }
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('pages backwards through every entry exactly once', async () => {
    for (const c of [{}, { delimiter: '/' }, { prefix: 'photos/', delimiter: '/' }, { prefix: 'a' }]) {
      const everything = reference(KEYS, { ...c, maxKeys: 100_000, reverse: true });
      const seen: string[] = [];
      let after: string | undefined;
      for (let pages = 0; pages < 100; pages++) {
        const page = await list({ ...c, after, maxKeys: 2, reverse: true });
        seen.push(...page.keys, ...page.commonPrefixes);
        if (!page.isTruncated) break;
        after = page.nextAfter;
      }
      expect([...seen].sort(byteOrder)).toEqual([...everything.keys, ...everything.commonPrefixes].sort(byteOrder));
    }
  });

  describe('pagination with after = nextAfter returns every entry exactly once', () => {
    const cases: { prefix?: string; delimiter?: string }[] = [
      {},
      { delimiter: '/' },
      { delimiter: '::' },
      { prefix: 'a', delimiter: '/' },
      { prefix: 'photos/', delimiter: '/' },
      { prefix: 'photos/' },
      { prefix: 'x', delimiter: '::' },
      { delimiter: '\u{10FFFF}' }, // a common prefix with no upper bound ends the listing
    ];
    for (const c of cases) {
      for (const maxKeys of [1, 2, 3, 7, 1000]) {
        it(`prefix=${show(c.prefix)} delimiter=${show(c.delimiter)} maxKeys=${maxKeys}`, async () => {
          const everything = reference(KEYS, { ...c, maxKeys: 100_000 });
          const expected = { keys: everything.keys, commonPrefixes: everything.commonPrefixes };
          const seen = { keys: [] as string[], commonPrefixes: [] as string[] };
          let after: string | undefined;
          let pages = 0;
          for (;;) {
            const page = await list({ ...c, after, maxKeys });
            pages++;
            expect(page.keys.length + page.commonPrefixes.length).toBeLessThanOrEqual(maxKeys);
            seen.keys.push(...page.keys);
            seen.commonPrefixes.push(...page.commonPrefixes);
            if (!page.isTruncated) break;
            expect(page.nextAfter).toBeDefined();
            expect(page.keys.length + page.commonPrefixes.length).toBe(maxKeys);
            after = page.nextAfter;
            expect(pages).toBeLessThan(100); // a listing that never ends fails here
          }
          expect(seen).toEqual(expected);
          const total = expected.keys.length + expected.commonPrefixes.length;
          expect(pages).toBe(Math.max(1, Math.ceil(total / maxKeys)));
        });
      }
    }
  });

  it('refuses a NUL in the prefix or the marker with InvalidArgument', async () => {
    await expect(list({ prefix: 'a\u0000', maxKeys: 10 })).rejects.toMatchObject({ code: 'InvalidArgument', status: 400 });
    await expect(list({ after: 'a\u0000', maxKeys: 10 })).rejects.toMatchObject({ code: 'InvalidArgument', status: 400 });
  });

  it('returns nothing for maxKeys 0', async () => {
    expect(await list({ maxKeys: 0 })).toEqual({ keys: [], commonPrefixes: [], isTruncated: false });
  });

  describe('cost of a delimiter listing', () => {
    let big: BucketRecord;
    const PER_PREFIX = 2000;
    beforeAll(async () => {
      const account = await newAccount(f.storage);
      big = await f.storage.buckets.create({ accountId: account, name: 'big-listing' });
      const rows = [];
      for (const folder of ['p0/', 'p1/', 'p2/']) {
        for (let i = 0; i < PER_PREFIX; i++) {
          rows.push({ bucket_id: big.id, key: `${folder}${String(i).padStart(5, '0')}`, version_id: 'null', is_latest: true, size: 1, etag: 'e' });
        }
      }
      rows.push({ bucket_id: big.id, key: 'top-level', version_id: 'null', is_latest: true, size: 1, etag: 'e' });
      for (let i = 0; i < rows.length; i += 1000) await f.t.db.knex('objects').insert(rows.slice(i, i + 1000));
    });
    afterEach(() => jest.restoreAllMocks());
    const rowsReadBy = async (probe: jest.SpyInstance) =>
      (await Promise.all(probe.mock.results.map((r) => r.value as Promise<unknown[]>))).reduce((n, rows) => n + rows.length, 0);

    it('seeks past each common prefix instead of reading the keys under it', async () => {
      const probe = jest.spyOn(ObjectRepository.prototype, 'listLatest');
      const result = await f.storage.objects.list({ bucket: big, delimiter: '/', maxKeys: 1000 });
      expect(result.commonPrefixes).toEqual(['p0/', 'p1/', 'p2/']);
      expect(result.objects.map((o) => o.key)).toEqual(['top-level']);
      expect(result.isTruncated).toBe(false);
      // One probe per common prefix and one that finds the end; reading the 6000 keys in
      // batches of 1000 would take at least 7.
      expect(probe.mock.calls.length).toBeLessThanOrEqual(4);
      expect(await rowsReadBy(probe)).toBeLessThan(3 * PER_PREFIX);
    });

    it('pages through the prefixes with a few probes per page', async () => {
      const probe = jest.spyOn(ObjectRepository.prototype, 'listLatest');
      const seen: string[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await f.storage.objects.list({ bucket: big, delimiter: '/', maxKeys: 1, after });
        seen.push(...page.commonPrefixes, ...page.objects.map((o) => o.key));
        if (!page.isTruncated || seen.length > 10) break; // a page repeating itself fails below instead of looping
        after = page.nextAfter;
      }
      expect(seen).toEqual(['p0/', 'p1/', 'p2/', 'top-level']);
      expect(probe.mock.calls.length).toBeLessThanOrEqual(4 * 3);
    });

    it('walks a prefix of 2000 keys without a delimiter in pages of 1000', async () => {
      const probe = jest.spyOn(ObjectRepository.prototype, 'listLatest');
      const first = await f.storage.objects.list({ bucket: big, prefix: 'p1/', maxKeys: 1000 });
      expect(first.objects).toHaveLength(1000);
      expect(first.isTruncated).toBe(true);
      expect(first.nextAfter).toBe('p1/00999');
      const second = await f.storage.objects.list({ bucket: big, prefix: 'p1/', maxKeys: 1000, after: first.nextAfter });
      expect(second.objects.map((o) => o.key)[0]).toBe('p1/01000');
      expect(second.objects).toHaveLength(1000);
      expect(second.isTruncated).toBe(false);
      expect(probe.mock.calls.length).toBeLessThanOrEqual(4);
    });

    describe('with many prefixes smaller than a batch (100 prefixes x 100 keys)', () => {
      let many: BucketRecord;
      beforeAll(async () => {
        const account = await newAccount(f.storage);
        many = await f.storage.buckets.create({ accountId: account, name: 'many-prefixes' });
        const rows = [];
        for (let p = 0; p < 100; p++) {
          for (let i = 0; i < 100; i++) {
            const key = `p${String(p).padStart(3, '0')}/d${i % 10}/k${String(i).padStart(3, '0')}`;
            rows.push({ bucket_id: many.id, key, version_id: 'null', is_latest: true, size: 1, etag: 'e' });
          }
        }
        for (let i = 0; i < rows.length; i += 1000) await f.t.db.knex('objects').insert(rows.slice(i, i + 1000));
      });

      // Batches of 1000 rows span ~10 prefixes here: reading batch after batch reads all 10,000
      // keys, so the page time grows with the bucket (`npm run bench` measured it). One batch,
      // then a couple of rows per prefix.
      it('reads a few rows per common prefix, not the keys under them', async () => {
        const probe = jest.spyOn(ObjectRepository.prototype, 'listLatest');
        const result = await f.storage.objects.list({ bucket: many, delimiter: '/', maxKeys: 1000 });
        expect(result.commonPrefixes).toHaveLength(100);
        expect(result.commonPrefixes[99]).toBe('p099/');
        expect(await rowsReadBy(probe)).toBeLessThanOrEqual(1001 + 4 * 100);
      });
    });
  });
});
