import { BucketRecord, ObjectRecord } from '@gw/metadata';
import { GatewayError } from '../errors';
import { bodyOf, newAccount, openStorageFixture, rejectionOf, StorageFixture } from '../testing';
import type { ListVersionsInput } from './list-object-versions';
import { newVersionId } from './version-id';

const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/** A listing entry as the tests compare it: a version (`key@id`) or a common prefix (`prefix/`). */
type Entry = { value: string; key: string; isPrefix: boolean; versionId?: string };

describe('listObjectVersions', () => {
  let f: StorageFixture;
  beforeAll(async () => (f = await openStorageFixture()));
  afterAll(() => f.close());

  let bucket: BucketRecord;
  /** Every version written, in the order written. */
  const written: ObjectRecord[] = [];
  beforeAll(async () => {
    const account = await newAccount(f.storage);
    bucket = await f.storage.buckets.create({ accountId: account, name: 'version-listing' });
    const put = async (key: string) => written.push(await f.storage.objects.put({ bucket, key, body: bodyOf(key) }));
    const remove = async (key: string) => {
      const marker = await f.storage.objects.delete(bucket, key);
      written.push((await f.storage.objects.head({ bucket, key, versionId: marker.versionId }).catch((e) => e.marker)) as ObjectRecord);
    };
    await put('a'); // the null version, written before versioning
    await put('dir/x');
    bucket = await f.storage.buckets.setVersioning(bucket, 'Enabled');
    for (const key of ['a', 'a', 'b', 'dir/x', 'dir/y', 'dir/sub/z', '\u{1F600}', '\uff5e', 'a/']) await put(key);
    await remove('b');
    await remove('gone');
    await put('dir/y');
    await remove('dir/sub/z');
    bucket = await f.storage.buckets.setVersioning(bucket, 'Suspended');
    await put('c'); // a null version written while suspended
    await remove('\uff5e');
  });

  /** The obvious listing: every version, keys in byte order, newest (highest id) first, rolled up, after the markers. */
  function reference(input: Omit<ListVersionsInput, 'bucket'>) {
    const prefix = input.prefix ?? '';
    const rows = written
      .filter((r) => r.key.startsWith(prefix))
      .sort((x, y) => byteOrder(x.key, y.key) || y.id - x.id);
    const entries: Entry[] = [];
    for (const row of rows) {
      const at = input.delimiter ? row.key.indexOf(input.delimiter, prefix.length) : -1;
      if (at < 0) entries.push({ value: `${row.key}@${row.versionId}`, key: row.key, isPrefix: false, versionId: row.versionId });
      else {
        const common = row.key.slice(0, at + input.delimiter!.length);
        if (!entries.some((e) => e.isPrefix && e.value === common)) entries.push({ value: common, key: common, isPrefix: true });
      }
    }
    let start = 0;
    if (input.keyMarker) {
      const markerRow = input.versionIdMarker && written.find((r) => r.key === input.keyMarker && r.versionId === input.versionIdMarker);
      start = entries.findIndex((e) =>
        markerRow
          ? byteOrder(e.key, markerRow.key) > 0 || (e.key === markerRow.key && !e.isPrefix && rows.find((r) => r.versionId === e.versionId && r.key === e.key)!.id < markerRow.id)
          : byteOrder(e.key, input.keyMarker!) > 0 && !(e.isPrefix && input.keyMarker!.startsWith(e.key)),
      );
      if (start < 0) start = entries.length;
    }
    const remaining = entries.slice(start);
    return { page: remaining.slice(0, input.maxKeys).map((e) => e.value), isTruncated: remaining.length > input.maxKeys };
  }

  const list = async (input: Omit<ListVersionsInput, 'bucket'>) => {
    const result = await f.storage.objects.listVersions({ bucket, ...input });
    const rows = result.versions.map((v) => ({ value: `${v.key}@${v.versionId}`, key: v.key }));
    const page = [...rows, ...result.commonPrefixes.map((p) => ({ value: p, key: p }))].sort((x, y) => byteOrder(x.key, y.key)).map((e) => e.value);
    return { ...result, page };
  };

  it('lists every version and delete marker: keys in byte order, newest first, the latest flagged', async () => {
    const result = await f.storage.objects.listVersions({ bucket, maxKeys: 1000 });
    expect(result.isTruncated).toBe(false);
    expect(result.versions.map((v) => [v.key, v.isDeleteMarker, v.isLatest])).toEqual([
      ['a', false, true],
      ['a', false, false],
      ['a', false, false],
      ['a/', false, true],
      ['b', true, true],
      ['b', false, false],
      ['c', false, true],
      ['dir/sub/z', true, true],
      ['dir/sub/z', false, false],
      ['dir/x', false, true],
      ['dir/x', false, false],
      ['dir/y', false, true],
      ['dir/y', false, false],
      ['gone', true, true],
      ['\uff5e', true, true],
      ['\uff5e', false, false],
      ['\u{1F600}', false, true],
    ]);
    expect(result.versions.filter((v) => v.key === 'a').map((v) => v.versionId).at(-1)).toBe('null');
    expect(result.versions.find((v) => v.key === '\uff5e' && v.isDeleteMarker)?.versionId).toBe('null');
  });

  it('matches the reference listing for prefixes, delimiters, markers and page sizes', async () => {
    const mismatches: string[] = [];
    const versionOf = (key: string, index: number) => written.filter((r) => r.key === key).sort((x, y) => y.id - x.id)[index]?.versionId;
    const markers: [string | undefined, string | undefined][] = [
      [undefined, undefined],
      ['a', undefined],
      ['a', versionOf('a', 0)],
      ['a', versionOf('a', 1)],
      ['a', 'null'],
      ['dir/', undefined],
      ['dir/x', versionOf('dir/x', 0)],
      ['dir/sub/z', versionOf('dir/sub/z', 0)],
      ['\uff5e', 'null'],
      ['zzz', undefined],
    ];
    for (const prefix of ['', 'a', 'dir/', 'dir/s', 'nope']) {
      for (const delimiter of [undefined, '/']) {
        for (const [keyMarker, versionIdMarker] of markers) {
          for (const maxKeys of [1, 2, 5, 1000]) {
            const input = { prefix, delimiter, keyMarker, versionIdMarker, maxKeys };
            const expected = reference(input);
            const actual = await list(input);
            const got = { page: actual.page, isTruncated: actual.isTruncated };
            if (JSON.stringify(got) !== JSON.stringify(expected)) mismatches.push(`${JSON.stringify(input)}: got ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it.each([
    [{}, 1],
    [{}, 3],
    [{ delimiter: '/' }, 1],
    [{ delimiter: '/' }, 2],
    [{ prefix: 'dir/' }, 2],
  ])('pages %j of %d through Next markers return every entry exactly once', async (query, maxKeys) => {
    const everything = reference({ ...query, maxKeys: 100_000 }).page;
    const seen: string[] = [];
    let keyMarker: string | undefined;
    let versionIdMarker: string | undefined;
    for (let pages = 0; ; pages++) {
      expect(pages).toBeLessThan(100);
      const page = await list({ ...query, keyMarker, versionIdMarker, maxKeys });
      seen.push(...page.page);
      if (!page.isTruncated) {
        expect(page.nextKeyMarker).toBeUndefined();
        break;
      }
      expect(page.page.length).toBe(maxKeys);
      keyMarker = page.nextKeyMarker;
      versionIdMarker = page.nextVersionIdMarker;
      const last = page.page[page.page.length - 1];
      expect(last).toBe(versionIdMarker === undefined ? keyMarker : `${keyMarker}@${versionIdMarker}`);
    }
    expect(seen).toEqual(everything);
  });

  it('resumes at the start of the key when the marker version was deleted since the last page', async () => {
    const account = await newAccount(f.storage);
    let own = await f.storage.buckets.create({ accountId: account, name: 'emptied-page-by-page' });
    own = await f.storage.buckets.setVersioning(own, 'Enabled');
    for (let i = 0; i < 5; i++) await f.storage.objects.put({ bucket: own, key: 'k', body: bodyOf(`v${i}`) });
    const remaining: string[] = [];
    let keyMarker: string | undefined;
    let versionIdMarker: string | undefined;
    for (;;) {
      const page = await f.storage.objects.listVersions({ bucket: own, keyMarker, versionIdMarker, maxKeys: 2 });
      // What a client emptying a bucket does: delete each version of the page, then ask for the next.
      for (const v of page.versions) await f.storage.objects.delete(own, { key: v.key, versionId: v.versionId });
      remaining.push(...page.versions.map((v) => v.versionId));
      if (!page.isTruncated) break;
      keyMarker = page.nextKeyMarker;
      versionIdMarker = page.nextVersionIdMarker;
    }
    expect(remaining).toHaveLength(5);
    expect((await f.storage.objects.listVersions({ bucket: own, maxKeys: 10 })).versions).toEqual([]);
  });

  it.each([
    [{ versionIdMarker: 'x' }, 'A version-id marker cannot be specified without a key marker.', 'version-id-marker'],
    [{ keyMarker: 'a', versionIdMarker: '' }, 'A version-id marker cannot be empty.', 'version-id-marker'],
    [{ keyMarker: 'a', versionIdMarker: 'not-a-version' }, 'Invalid version id specified', 'version-id-marker'],
    [{ keyMarker: 'a\u0000' }, 'The key-marker must not contain NUL.', 'key-marker'],
    [{ prefix: '\u0000' }, 'The prefix must not contain NUL.', 'prefix'],
  ])('refuses %j with InvalidArgument', async (input, message, argument) => {
    const error = (await rejectionOf(f.storage.objects.listVersions({ bucket, maxKeys: 10, ...input }))) as GatewayError;
    expect({ code: error.code, message: error.message, argument: error.details.ArgumentName }).toEqual({ code: 'InvalidArgument', message, argument });
  });

  it('takes an empty version-id marker without a key marker as no marker, and a well-formed unknown one as the key start', async () => {
    expect((await list({ versionIdMarker: '', maxKeys: 1 })).page).toEqual(['a@' + written.filter((r) => r.key === 'a').at(-1)!.versionId]);
    const unknown = await list({ keyMarker: 'b', versionIdMarker: newVersionId(), maxKeys: 1 });
    expect(unknown.page[0].startsWith('b@')).toBe(true);
  });
});
