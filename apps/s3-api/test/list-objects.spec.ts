// ListObjects (v1) and ListObjectsV2 documents on the wire: element names and order, value
// formats, pagination markers, encoding-type=url, and parameter validation.
import {
  all,
  childNames,
  createBucket,
  encodeKey,
  md5Hex,
  parseXmlDocument,
  putObject,
  s3Error,
  send,
  startS3Harness,
  S3Harness,
  textOf,
  XmlElement,
} from './s3-harness';

const NS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const ISO_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

// In UTF-8 byte order, the order S3 lists in.
const KEYS = ['a.txt', 'dir/sub/z', 'dir/x', 'dir/y', 'other/1', 'plus+key', 'space key', 'z', 'é', '😀'];

describe('S3 wire: ListObjects and ListObjectsV2', () => {
  let h: S3Harness;

  beforeAll(async () => {
    h = await startS3Harness();
    await createBucket(h, 'listing');
    for (const key of KEYS) await putObject(h, 'listing', key, `content of ${key}`);
    await createBucket(h, 'empty-bucket');
  });
  afterAll(async () => {
    await h?.close();
  });

  /** GETs a listing and returns its parsed document after the checks every listing passes. */
  async function list(query: string, bucket = 'listing'): Promise<XmlElement> {
    const res = await send(h, 'GET', `/${bucket}?${query}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml');
    expect(res.headers['content-length']).toBe(String(res.body.length));
    expect(res.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const doc = parseXmlDocument(res.text);
    expect(doc.name).toBe('ListBucketResult');
    expect(doc.attributes).toEqual({ xmlns: NS });
    return doc;
  }

  const keysOf = (doc: XmlElement) => all(doc, 'Contents').map((c) => textOf(c, 'Key'));
  const prefixesOf = (doc: XmlElement) => all(doc, 'CommonPrefixes').map((p) => {
    expect(childNames(p)).toEqual(['Prefix']);
    return textOf(p, 'Prefix');
  });

  function expectContentsEntry(entry: XmlElement, key: string, withOwner: boolean): void {
    expect(childNames(entry)).toEqual(['Key', 'LastModified', 'ETag', 'Size', ...(withOwner ? ['Owner'] : []), 'StorageClass']);
    expect(textOf(entry, 'Key')).toBe(key);
    expect(textOf(entry, 'LastModified')).toMatch(ISO_MS);
    expect(Math.abs(Date.parse(textOf(entry, 'LastModified')!) - Date.now())).toBeLessThan(10 * 60_000);
    expect(textOf(entry, 'ETag')).toBe(`"${md5Hex(`content of ${key}`)}"`);
    expect(textOf(entry, 'Size')).toBe(String(Buffer.byteLength(`content of ${key}`)));
    expect(textOf(entry, 'StorageClass')).toBe('STANDARD');
    if (withOwner) {
      const owner = all(entry, 'Owner')[0];
      expect(childNames(owner)).toEqual(['ID', 'DisplayName']);
      expect(textOf(owner, 'ID')).toBe(h.userId);
      expect(textOf(owner, 'DisplayName')).toBe('tester');
    }
  }

  describe('ListObjects (v1)', () => {
    it('a full listing: elements in S3 order, every key in UTF-8 byte order, Owner in Contents', async () => {
      const doc = await list('');
      expect(childNames(doc)).toEqual(['Name', 'Prefix', 'Marker', 'MaxKeys', 'IsTruncated', ...KEYS.map(() => 'Contents')]);
      expect(textOf(doc, 'Name')).toBe('listing');
      expect(textOf(doc, 'Prefix')).toBe('');
      expect(textOf(doc, 'Marker')).toBe('');
      expect(textOf(doc, 'MaxKeys')).toBe('1000');
      expect(textOf(doc, 'IsTruncated')).toBe('false');
      expect(keysOf(doc)).toEqual(KEYS);
      all(doc, 'Contents').forEach((entry, i) => expectContentsEntry(entry, KEYS[i], true));
    });

    it('truncated without a delimiter: no NextMarker (the last key is the marker)', async () => {
      const doc = await list('max-keys=2');
      expect(childNames(doc)).toEqual(['Name', 'Prefix', 'Marker', 'MaxKeys', 'IsTruncated', 'Contents', 'Contents']);
      expect(textOf(doc, 'IsTruncated')).toBe('true');
      expect(textOf(doc, 'MaxKeys')).toBe('2');
      const next = await list(`max-keys=2&marker=${encodeURIComponent('dir/sub/z')}`);
      expect(textOf(next, 'Marker')).toBe('dir/sub/z');
      expect(keysOf(next)).toEqual(['dir/x', 'dir/y']);
    });

    it('truncated with a delimiter: NextMarker, Delimiter, CommonPrefixes after Contents', async () => {
      const doc = await list('delimiter=%2F&max-keys=3');
      expect(childNames(doc)).toEqual(['Name', 'Prefix', 'Marker', 'NextMarker', 'MaxKeys', 'Delimiter', 'IsTruncated', 'Contents', 'CommonPrefixes', 'CommonPrefixes']);
      expect(textOf(doc, 'Delimiter')).toBe('/');
      expect(keysOf(doc)).toEqual(['a.txt']);
      expect(prefixesOf(doc)).toEqual(['dir/', 'other/']);
      expect(textOf(doc, 'NextMarker')).toBe('other/');
      const rest = await list(`delimiter=%2F&marker=${encodeURIComponent('other/')}`);
      expect(childNames(rest)).not.toContain('NextMarker');
      expect(keysOf(rest)).toEqual(['plus+key', 'space key', 'z', 'é', '😀']);
      expect(textOf(rest, 'IsTruncated')).toBe('false');
    });

    it('with a prefix and delimiter', async () => {
      const doc = await list('prefix=dir%2F&delimiter=%2F');
      expect(textOf(doc, 'Prefix')).toBe('dir/');
      expect(keysOf(doc)).toEqual(['dir/x', 'dir/y']);
      expect(prefixesOf(doc)).toEqual(['dir/sub/']);
    });

    it('encoding-type=url encodes Prefix, Marker, NextMarker, Delimiter, keys and common prefixes', async () => {
      const doc = await list(`encoding-type=url&delimiter=%2B&marker=${encodeURIComponent('other/1')}&max-keys=2`);
      expect(childNames(doc)).toEqual(['Name', 'Prefix', 'Marker', 'NextMarker', 'MaxKeys', 'Delimiter', 'IsTruncated', 'EncodingType', 'Contents', 'CommonPrefixes']);
      expect(textOf(doc, 'EncodingType')).toBe('url');
      expect(textOf(doc, 'Marker')).toBe('other/1');
      expect(textOf(doc, 'Delimiter')).toBe('%2B');
      expect(prefixesOf(doc)).toEqual(['plus%2B']);
      expect(keysOf(doc)).toEqual(['space%20key']);
      expect(textOf(doc, 'NextMarker')).toBe('space%20key');

      const unicode = await list(`encoding-type=url&prefix=${encodeURIComponent('é')}`);
      expect(textOf(unicode, 'Prefix')).toBe('%C3%A9');
      expect(keysOf(unicode)).toEqual(['%C3%A9']);
    });
  });

  describe('ListObjectsV2', () => {
    it('a full listing: elements in S3 order with KeyCount, no Owner unless fetch-owner', async () => {
      const doc = await list('list-type=2');
      expect(childNames(doc)).toEqual(['Name', 'Prefix', 'KeyCount', 'MaxKeys', 'IsTruncated', ...KEYS.map(() => 'Contents')]);
      expect(textOf(doc, 'KeyCount')).toBe(String(KEYS.length));
      expect(textOf(doc, 'MaxKeys')).toBe('1000');
      all(doc, 'Contents').forEach((entry, i) => expectContentsEntry(entry, KEYS[i], false));

      const owned = await list('list-type=2&fetch-owner=true&max-keys=1');
      expectContentsEntry(all(owned, 'Contents')[0], KEYS[0], true);
    });

    it('pages with opaque continuation tokens; ContinuationToken is echoed, KeyCount counts prefixes', async () => {
      const first = await list('list-type=2&delimiter=%2F&max-keys=2');
      expect(childNames(first)).toEqual(['Name', 'Prefix', 'NextContinuationToken', 'KeyCount', 'MaxKeys', 'Delimiter', 'IsTruncated', 'Contents', 'CommonPrefixes']);
      expect(textOf(first, 'KeyCount')).toBe('2');
      expect(textOf(first, 'IsTruncated')).toBe('true');
      const token = textOf(first, 'NextContinuationToken')!;
      expect(token).not.toContain('dir/');

      const second = await list(`list-type=2&delimiter=%2F&max-keys=2&continuation-token=${encodeURIComponent(token)}`);
      expect(childNames(second)).toEqual(['Name', 'Prefix', 'ContinuationToken', 'NextContinuationToken', 'KeyCount', 'MaxKeys', 'Delimiter', 'IsTruncated', 'Contents', 'CommonPrefixes']);
      expect(textOf(second, 'ContinuationToken')).toBe(token);
      expect(prefixesOf(second)).toEqual(['other/']);
      expect(keysOf(second)).toEqual(['plus+key']);

      const seen: string[] = [];
      let next: string | undefined;
      do {
        const page = await list(`list-type=2&max-keys=3${next ? `&continuation-token=${encodeURIComponent(next)}` : ''}`);
        seen.push(...(keysOf(page) as string[]));
        next = textOf(page, 'NextContinuationToken');
        expect(textOf(page, 'IsTruncated')).toBe(next ? 'true' : 'false');
      } while (next);
      expect(seen).toEqual(KEYS);
    });

    it('start-after is echoed (as StartAfter) and respected', async () => {
      const doc = await list(`list-type=2&start-after=${encodeURIComponent('space key')}`);
      expect(childNames(doc).slice(0, 6)).toEqual(['Name', 'Prefix', 'KeyCount', 'MaxKeys', 'IsTruncated', 'StartAfter']);
      expect(textOf(doc, 'StartAfter')).toBe('space key');
      expect(keysOf(doc)).toEqual(['z', 'é', '😀']);
    });

    it('encoding-type=url encodes keys, Prefix, Delimiter, StartAfter and common prefixes', async () => {
      const doc = await list(`list-type=2&encoding-type=url&delimiter=%2B&start-after=${encodeURIComponent('other/1')}`);
      expect(textOf(doc, 'EncodingType')).toBe('url');
      expect(textOf(doc, 'Delimiter')).toBe('%2B');
      expect(textOf(doc, 'StartAfter')).toBe('other/1');
      expect(prefixesOf(doc)).toEqual(['plus%2B']);
      expect(keysOf(doc)).toEqual(['space%20key', 'z', '%C3%A9', '%F0%9F%98%80']);

      const prefixed = await list(`list-type=2&encoding-type=url&prefix=${encodeURIComponent('space ')}`);
      expect(textOf(prefixed, 'Prefix')).toBe('space%20');
      expect(keysOf(prefixed)).toEqual(['space%20key']);
    });

    it('max-keys=0 lists nothing', async () => {
      const doc = await list('list-type=2&max-keys=0');
      expect(childNames(doc)).toEqual(['Name', 'Prefix', 'KeyCount', 'MaxKeys', 'IsTruncated']);
      expect(textOf(doc, 'KeyCount')).toBe('0');
      expect(textOf(doc, 'MaxKeys')).toBe('0');
      const v1 = await list('max-keys=0');
      expect(all(v1, 'Contents')).toEqual([]);
    });

    it('an empty bucket', async () => {
      const doc = await list('list-type=2', 'empty-bucket');
      expect(childNames(doc)).toEqual(['Name', 'Prefix', 'KeyCount', 'MaxKeys', 'IsTruncated']);
      expect(textOf(doc, 'Name')).toBe('empty-bucket');
      expect(textOf(doc, 'IsTruncated')).toBe('false');
    });
  });

  describe('parameter validation', () => {
    it.each([
      ['encoding-type=base64', 'encoding-type'],
      ['list-type=2&encoding-type=html', 'encoding-type'],
      ['max-keys=abc', 'max-keys'],
      ['max-keys=-1', 'max-keys'],
      ['list-type=2&max-keys=1.5', 'max-keys'],
      ['list-type=2&continuation-token=not-a-token', 'continuation-token'],
      [`list-type=2&continuation-token=${Buffer.from('2:a.txt').toString('base64url')}`, 'continuation-token'],
    ])('%s is 400 InvalidArgument naming the argument', async (query, argument) => {
      const res = await send(h, 'GET', `/listing?${query}`);
      expect(res.status).toBe(400);
      const error = s3Error(res);
      expect(error.code).toBe('InvalidArgument');
      expect(error.fields.ArgumentName).toBe(argument);
    });
  });

  describe('keys XML 1.0 cannot carry as text', () => {
    const CONTROL_KEY = 'ctl\u0001key\u001f';

    beforeAll(async () => {
      await createBucket(h, 'control-chars');
      await putObject(h, 'control-chars', CONTROL_KEY, 'content of ' + CONTROL_KEY);
      await putObject(h, 'control-chars', 'plain', 'content of plain');
    });

    it('are listed as character references (as S3 does), not a 500', async () => {
      for (const query of ['', 'list-type=2']) {
        const res = await send(h, 'GET', `/control-chars?${query}`);
        expect(res.status).toBe(200);
        expect(res.text).toContain('<Key>ctl&#x1;key&#x1F;</Key>');
        expect(keysOf(parseXmlDocument(res.text))).toEqual([CONTROL_KEY, 'plain']);
      }
    });

    it('are percent-encoded with encoding-type=url', async () => {
      const doc = await list('list-type=2&encoding-type=url', 'control-chars');
      expect(keysOf(doc)).toEqual(['ctl%01key%1F', 'plain']);
    });

    it('still get their error documents', async () => {
      const res = await send(h, 'GET', `/control-chars/${encodeKey('missing\u0002')}`);
      expect(res.status).toBe(404);
      expect(s3Error(res).fields.Key).toBe('missing\u0002');
    });
  });
});
