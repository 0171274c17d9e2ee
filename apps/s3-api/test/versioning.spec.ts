// Versioning on the wire: Put/GetBucketVersioning, x-amz-version-id on writes and reads, delete
// markers (x-amz-delete-marker, 404 and 405 answers), versioned GET/HEAD/DELETE, ListObjectVersions
// and DeleteObjects with VersionId.
import {
  addUser,
  all,
  childNames,
  createBucket,
  encodeKey,
  md5Base64,
  md5Hex,
  parseXmlDocument,
  putObject,
  s3Error,
  send,
  startS3Harness,
  S3Harness,
  textOf,
  WireResponse,
  XmlElement,
} from './s3-harness';

const NS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const DECL = '<?xml version="1.0" encoding="UTF-8"?>';
const VERSION_ID = /^[A-Za-z0-9_-]{32}$/;
const RFC1123 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT$/;

describe('S3 wire: versioning', () => {
  let h: S3Harness;
  beforeAll(async () => (h = await startS3Harness()));
  afterAll(async () => {
    await h?.close();
  });

  let seq = 0;
  /** A new bucket, with its versioning set when asked. */
  async function newBucket(status?: 'Enabled' | 'Suspended'): Promise<string> {
    const name = `versioned-${++seq}`;
    await createBucket(h, name);
    if (status) expect((await setVersioning(name, status)).status).toBe(200);
    return name;
  }
  const versioningDocument = (status: string) =>
    `<VersioningConfiguration xmlns="${NS}"><Status>${status}</Status><MfaDelete>Disabled</MfaDelete></VersioningConfiguration>`;
  const setVersioning = (bucket: string, status: string, body = versioningDocument(status)) =>
    send(h, 'PUT', `/${bucket}?versioning`, { body, headers: { 'Content-MD5': md5Base64(body) } });
  const put = async (bucket: string, key: string, body: string) => (await putObject(h, bucket, key, body)).headers['x-amz-version-id'] as string | undefined;

  describe('PutBucketVersioning and GetBucketVersioning', () => {
    it('a bucket never versioned answers an empty configuration; then Enabled, then Suspended', async () => {
      const bucket = await newBucket();
      const empty = await send(h, 'GET', `/${bucket}?versioning`);
      expect(empty.status).toBe(200);
      expect(empty.headers['content-type']).toBe('application/xml');
      expect(empty.text).toBe(`${DECL}<VersioningConfiguration xmlns="${NS}"/>`);

      const enabled = await setVersioning(bucket, 'Enabled');
      expect(enabled.status).toBe(200);
      expect(enabled.body.length).toBe(0);
      expect((await send(h, 'GET', `/${bucket}?versioning`)).text).toBe(`${DECL}<VersioningConfiguration xmlns="${NS}"><Status>Enabled</Status></VersioningConfiguration>`);
      await setVersioning(bucket, 'Suspended');
      expect((await send(h, 'GET', `/${bucket}?versioning`)).text).toContain('<Status>Suspended</Status>');
      // Only MfaDelete Disabled, no Status: nothing changes.
      const noStatus = `<VersioningConfiguration><MfaDelete>Disabled</MfaDelete></VersioningConfiguration>`;
      expect((await setVersioning(bucket, '', noStatus)).status).toBe(200);
      expect((await send(h, 'GET', `/${bucket}?versioning`)).text).toContain('<Status>Suspended</Status>');
    });

    it.each([
      ['a document that is not XML', '<VersioningConfiguration><Status>Enabled', 400, 'MalformedXML'],
      ['another document', `<LifecycleConfiguration><Status>Enabled</Status></LifecycleConfiguration>`, 400, 'MalformedXML'],
      ['a status S3 does not have', versioningDocument('Disabled'), 400, 'MalformedXML'],
      ['a status in lower case', versioningDocument('enabled'), 400, 'MalformedXML'],
      ['no document', '', 400, 'MalformedXML'],
      ['MFA delete', `<VersioningConfiguration><Status>Enabled</Status><MfaDelete>Enabled</MfaDelete></VersioningConfiguration>`, 501, 'NotImplemented'],
      ['an MfaDelete S3 does not have', `<VersioningConfiguration><MfaDelete>Maybe</MfaDelete></VersioningConfiguration>`, 400, 'MalformedXML'],
    ])('refuses %s', async (_name, body, status, code) => {
      const bucket = await newBucket();
      const res = await setVersioning(bucket, '', body);
      expect({ status: res.status, code: s3Error(res).code }).toEqual({ status, code });
      expect((await send(h, 'GET', `/${bucket}?versioning`)).text).toBe(`${DECL}<VersioningConfiguration xmlns="${NS}"/>`);
    });

    it('checks the Content-MD5 of the document, and leaves the setting to writers (a reader is AccessDenied)', async () => {
      const bucket = await newBucket();
      const body = versioningDocument('Enabled');
      const bad = await send(h, 'PUT', `/${bucket}?versioning`, { body, headers: { 'Content-MD5': md5Base64('other') } });
      expect(s3Error(bad).code).toBe('BadDigest');
      const reader = await addUser(h, 'reader', `versioning-reader-${seq}`);
      const denied = await send(h, 'PUT', `/${bucket}?versioning`, { body, creds: reader });
      expect(s3Error(denied).code).toBe('AccessDenied');
      expect((await send(h, 'GET', `/${bucket}?versioning`, { creds: reader })).status).toBe(200);
      expect((await send(h, 'GET', `/no-such-bucket?versioning`)).status).toBe(404);
    });
  });

  describe('x-amz-version-id', () => {
    it('an unversioned bucket never sends it', async () => {
      const bucket = await newBucket();
      expect(await put(bucket, 'k', 'data')).toBeUndefined();
      for (const method of ['GET', 'HEAD', 'DELETE']) expect((await send(h, method, `/${bucket}/k`)).headers['x-amz-version-id']).toBeUndefined();
    });

    it('an enabled bucket names the version each PUT created, and GET and HEAD name the version read', async () => {
      const bucket = await newBucket('Enabled');
      const v1 = await put(bucket, 'k', 'first');
      const v2 = await put(bucket, 'k', 'second!');
      expect(v1).toMatch(VERSION_ID);
      expect(v2).toMatch(VERSION_ID);
      expect(v2).not.toBe(v1);
      const latest = await send(h, 'GET', `/${bucket}/k`);
      expect([latest.text, latest.headers['x-amz-version-id']]).toEqual(['second!', v2]);
      const old = await send(h, 'GET', `/${bucket}/k?versionId=${v1}`);
      expect([old.status, old.text, old.headers['x-amz-version-id'], old.headers['content-length']]).toEqual([200, 'first', v1, '5']);
      const head = await send(h, 'HEAD', `/${bucket}/k?versionId=${v1}`);
      expect([head.status, head.headers['x-amz-version-id'], head.headers['content-length']]).toEqual([200, v1, '5']);
      const ranged = await send(h, 'GET', `/${bucket}/k?versionId=${v1}`, { headers: { Range: 'bytes=1-3' } });
      expect([ranged.status, ranged.text]).toEqual([206, 'irs']);
    });

    it('a suspended bucket writes the null version: no header on PUT, "null" on GET', async () => {
      const bucket = await newBucket('Suspended');
      expect(await put(bucket, 'k', 'data')).toBeUndefined();
      expect((await send(h, 'GET', `/${bucket}/k`)).headers['x-amz-version-id']).toBe('null');
      expect((await send(h, 'GET', `/${bucket}/k?versionId=null`)).text).toBe('data');
    });
  });

  describe('delete markers', () => {
    it('DELETE in an enabled bucket answers the marker; GET and HEAD then answer 404 naming it', async () => {
      const bucket = await newBucket('Enabled');
      const v1 = await put(bucket, 'doc.txt', 'data');
      const deleted = await send(h, 'DELETE', `/${bucket}/doc.txt`);
      expect(deleted.status).toBe(204);
      expect(deleted.headers['x-amz-delete-marker']).toBe('true');
      const marker = deleted.headers['x-amz-version-id'] as string;
      expect(marker).toMatch(VERSION_ID);

      const get = await send(h, 'GET', `/${bucket}/doc.txt`);
      expect(get.status).toBe(404);
      expect(get.headers['x-amz-delete-marker']).toBe('true');
      expect(get.headers['x-amz-version-id']).toBe(marker);
      const error = s3Error(get);
      expect(error.names).toEqual(['Code', 'Message', 'Key', 'Resource', 'RequestId']);
      expect([error.code, error.fields.Key]).toEqual(['NoSuchKey', 'doc.txt']);
      const head = await send(h, 'HEAD', `/${bucket}/doc.txt`);
      expect([head.status, head.headers['x-amz-delete-marker'], head.body.length]).toEqual([404, 'true', 0]);
      expect((await send(h, 'GET', `/${bucket}/doc.txt?versionId=${v1}`)).text).toBe('data');
    });

    it('GET or HEAD of the marker by its id is 405 MethodNotAllowed: Allow DELETE, its time, the method refused', async () => {
      const bucket = await newBucket('Enabled');
      await put(bucket, 'k', 'data');
      const marker = (await send(h, 'DELETE', `/${bucket}/k`)).headers['x-amz-version-id'] as string;
      const get = await send(h, 'GET', `/${bucket}/k?versionId=${marker}`);
      expect(get.status).toBe(405);
      expect(get.headers).toMatchObject({ 'x-amz-delete-marker': 'true', 'x-amz-version-id': marker, allow: 'DELETE' });
      expect(get.headers['last-modified']).toMatch(RFC1123);
      const error = s3Error(get);
      expect(error.names).toEqual(['Code', 'Message', 'Method', 'ResourceType', 'Resource', 'RequestId']);
      expect([error.code, error.fields.Method, error.fields.ResourceType]).toEqual(['MethodNotAllowed', 'GET', 'DeleteMarker']);
      const head = await send(h, 'HEAD', `/${bucket}/k?versionId=${marker}`);
      expect([head.status, head.headers['x-amz-delete-marker'], head.headers.allow, head.body.length]).toEqual([405, 'true', 'DELETE', 0]);
    });

    it('DELETE of the marker by its id brings the object back', async () => {
      const bucket = await newBucket('Enabled');
      const v1 = await put(bucket, 'k', 'data');
      const marker = (await send(h, 'DELETE', `/${bucket}/k`)).headers['x-amz-version-id'] as string;
      const undelete = await send(h, 'DELETE', `/${bucket}/k?versionId=${marker}`);
      expect([undelete.status, undelete.headers['x-amz-delete-marker'], undelete.headers['x-amz-version-id']]).toEqual([204, 'true', marker]);
      const get = await send(h, 'GET', `/${bucket}/k`);
      expect([get.status, get.text, get.headers['x-amz-version-id']]).toEqual([200, 'data', v1]);
    });

    it('DELETE in a suspended bucket makes the null version a delete marker', async () => {
      const bucket = await newBucket('Suspended');
      await put(bucket, 'k', 'data');
      const deleted = await send(h, 'DELETE', `/${bucket}/k`);
      expect([deleted.status, deleted.headers['x-amz-delete-marker'], deleted.headers['x-amz-version-id']]).toEqual([204, 'true', 'null']);
      expect((await send(h, 'GET', `/${bucket}/k?versionId=null`)).status).toBe(405);
    });
  });

  describe('versions by id', () => {
    it('DELETE with a version id removes exactly that version; the next newest becomes the latest', async () => {
      const bucket = await newBucket('Enabled');
      const v1 = await put(bucket, 'k', 'one');
      const v2 = await put(bucket, 'k', 'two');
      const removed = await send(h, 'DELETE', `/${bucket}/k?versionId=${v2}`);
      expect([removed.status, removed.headers['x-amz-version-id'], removed.headers['x-amz-delete-marker']]).toEqual([204, v2, undefined]);
      const get = await send(h, 'GET', `/${bucket}/k`);
      expect([get.text, get.headers['x-amz-version-id']]).toEqual(['one', v1]);
      const head = await send(h, 'HEAD', `/${bucket}`);
      expect([head.headers['x-rgw-object-count'], head.headers['x-rgw-bytes-used']]).toEqual(['1', '3']);
    });

    it.each([
      ['a well-formed id no version has', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 404, 'NoSuchVersion'],
      ['a malformed id', 'nonexistent-version-id-12345', 400, 'InvalidArgument'],
      ['an empty id', '', 400, 'InvalidArgument'],
      ['NULL in capitals', 'NULL', 400, 'InvalidArgument'],
    ])('GET with %s (%j) is %d %s', async (_name, versionId, status, code) => {
      const bucket = await newBucket('Enabled');
      await put(bucket, 'k', 'data');
      const res = await send(h, 'GET', `/${bucket}/k?versionId=${versionId}`);
      const error = s3Error(res);
      expect({ status: res.status, code: error.code }).toEqual({ status, code });
      if (code === 'InvalidArgument') expect([error.fields.ArgumentName, error.fields.ArgumentValue]).toEqual(['versionId', versionId]);
      if (code === 'NoSuchVersion') expect([error.fields.Key, error.fields.VersionId]).toEqual(['k', versionId]);
      expect((await send(h, 'HEAD', `/${bucket}/k?versionId=${versionId}`)).status).toBe(status);
    });

    it('DELETE of a version that is not there is 204 and changes nothing; a malformed id is InvalidArgument', async () => {
      const bucket = await newBucket('Enabled');
      await put(bucket, 'k', 'data');
      expect((await send(h, 'DELETE', `/${bucket}/k?versionId=${'B'.repeat(32)}`)).status).toBe(204);
      const bad = await send(h, 'DELETE', `/${bucket}/k?versionId=bad`);
      expect([bad.status, s3Error(bad).code]).toEqual([400, 'InvalidArgument']);
      expect((await send(h, 'GET', `/${bucket}/k`)).text).toBe('data');
    });
  });

  describe('ListObjectVersions', () => {
    let bucket: string;
    let ids: Record<string, string>;
    beforeAll(async () => {
      bucket = await newBucket();
      await put(bucket, 'a.txt', 'null version'); // written before versioning: the null version
      await setVersioning(bucket, 'Enabled');
      ids = {
        a2: (await put(bucket, 'a.txt', 'a2'))!,
        b1: (await put(bucket, 'b.txt', 'b1'))!,
        dir1: (await put(bucket, 'dir/one', '1'))!,
        dir2: (await put(bucket, 'dir/two', '2'))!,
      };
      ids.bMarker = (await send(h, 'DELETE', `/${bucket}/b.txt`)).headers['x-amz-version-id'] as string;
      ids.space = (await put(bucket, 'with space+plus', 's'))!;
    });
    const list = async (query = '') => {
      const res = await send(h, 'GET', `/${bucket}?versions${query}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/xml');
      const doc = parseXmlDocument(res.text);
      expect(doc.name).toBe('ListVersionsResult');
      expect(doc.attributes.xmlns).toBe(NS);
      return doc;
    };
    const entries = (doc: XmlElement) =>
      doc.children.filter((c) => c.name === 'Version' || c.name === 'DeleteMarker').map((c) => [c.name, textOf(c, 'Key'), textOf(c, 'VersionId'), textOf(c, 'IsLatest')]);

    it('interleaves versions and delete markers: keys in order, newest first, every field S3 sends', async () => {
      const doc = await list();
      expect(childNames(doc)).toEqual([
        'Name', 'Prefix', 'KeyMarker', 'VersionIdMarker', 'MaxKeys', 'IsTruncated',
        'Version', 'Version', 'DeleteMarker', 'Version', 'Version', 'Version', 'Version',
      ]);
      expect([textOf(doc, 'Name'), textOf(doc, 'MaxKeys'), textOf(doc, 'IsTruncated')]).toEqual([bucket, '1000', 'false']);
      expect(entries(doc)).toEqual([
        ['Version', 'a.txt', ids.a2, 'true'],
        ['Version', 'a.txt', 'null', 'false'],
        ['DeleteMarker', 'b.txt', ids.bMarker, 'true'],
        ['Version', 'b.txt', ids.b1, 'false'],
        ['Version', 'dir/one', ids.dir1, 'true'],
        ['Version', 'dir/two', ids.dir2, 'true'],
        ['Version', 'with space+plus', ids.space, 'true'],
      ]);
      const version = all(doc, 'Version')[0];
      expect(childNames(version)).toEqual(['Key', 'VersionId', 'IsLatest', 'LastModified', 'ETag', 'Size', 'Owner', 'StorageClass']);
      expect([textOf(version, 'ETag'), textOf(version, 'Size'), textOf(version, 'StorageClass')]).toEqual([`"${md5Hex('a2')}"`, '2', 'STANDARD']);
      expect(textOf(version, 'LastModified')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      const marker = all(doc, 'DeleteMarker')[0];
      expect(childNames(marker)).toEqual(['Key', 'VersionId', 'IsLatest', 'LastModified', 'Owner']);
      expect(textOf(marker.children.find((c) => c.name === 'Owner')!, 'ID')).toBe(h.userId);
    });

    it('pages with max-keys through NextKeyMarker and NextVersionIdMarker', async () => {
      const first = await list('&max-keys=2');
      expect(childNames(first).slice(0, 8)).toEqual(['Name', 'Prefix', 'KeyMarker', 'VersionIdMarker', 'NextKeyMarker', 'NextVersionIdMarker', 'MaxKeys', 'IsTruncated']);
      expect([textOf(first, 'IsTruncated'), textOf(first, 'NextKeyMarker'), textOf(first, 'NextVersionIdMarker')]).toEqual(['true', 'a.txt', 'null']);
      const second = await list(`&max-keys=2&key-marker=a.txt&version-id-marker=null`);
      expect([textOf(second, 'KeyMarker'), textOf(second, 'VersionIdMarker')]).toEqual(['a.txt', 'null']);
      expect(entries(second).map((e) => e[2])).toEqual([ids.bMarker, ids.b1]);
      const afterKey = await list('&key-marker=b.txt');
      expect(entries(afterKey).map((e) => e[1])).toEqual(['dir/one', 'dir/two', 'with space+plus']);
    });

    it('rolls up by delimiter, filters by prefix and URL-encodes with encoding-type=url', async () => {
      const rolled = await list('&delimiter=%2F');
      expect(all(rolled, 'CommonPrefixes').map((c) => textOf(c, 'Prefix'))).toEqual(['dir/']);
      expect(textOf(rolled, 'Delimiter')).toBe('/');
      expect(entries(rolled).map((e) => e[1])).toEqual(['a.txt', 'a.txt', 'b.txt', 'b.txt', 'with space+plus']);
      expect(entries(await list('&prefix=dir%2F')).map((e) => e[1])).toEqual(['dir/one', 'dir/two']);
      const encoded = await list('&encoding-type=url&prefix=with');
      expect(textOf(encoded, 'EncodingType')).toBe('url');
      expect(entries(encoded).map((e) => e[1])).toEqual(['with%20space%2Bplus']);
    });

    it.each([
      ['&version-id-marker=x', 'A version-id marker cannot be specified without a key marker.'],
      ['&key-marker=a.txt&version-id-marker=', 'A version-id marker cannot be empty.'],
      ['&key-marker=a.txt&version-id-marker=bad', 'Invalid version id specified'],
      ['&max-keys=abc', 'Provided max-keys not an integer or within integer range'],
      ['&encoding-type=base64', 'Invalid Encoding Method specified in Request'],
    ])('refuses %s with InvalidArgument', async (query, message) => {
      const res = await send(h, 'GET', `/${bucket}?versions${query}`);
      const error = s3Error(res);
      expect({ status: res.status, code: error.code, message: error.message }).toEqual({ status: 400, code: 'InvalidArgument', message });
    });

    it('ListObjects and ListObjectsV2 show only the latest live version of each key', async () => {
      for (const path of [`/${bucket}`, `/${bucket}?list-type=2`]) {
        const doc = parseXmlDocument((await send(h, 'GET', path)).text);
        expect(all(doc, 'Contents').map((c) => [textOf(c, 'Key'), textOf(c, 'Size')])).toEqual([
          ['a.txt', '2'],
          ['dir/one', '1'],
          ['dir/two', '1'],
          ['with space+plus', '1'],
        ]);
      }
    });

    it('HeadBucket counts every stored version and no delete marker', async () => {
      const head = await send(h, 'HEAD', `/${bucket}`);
      expect([head.headers['x-rgw-object-count'], head.headers['x-rgw-bytes-used']]).toEqual(['6', String('null version'.length + 2 + 2 + 1 + 1 + 1)]);
    });
  });

  describe('DeleteObjects with VersionId', () => {
    it('removes named versions and markers, adds markers for plain keys, and reports each', async () => {
      const bucket = await newBucket('Enabled');
      const a1 = await put(bucket, 'a', 'a1');
      await put(bucket, 'a', 'a2');
      await put(bucket, 'b', 'b1');
      const cMarker = (await send(h, 'DELETE', `/${bucket}/c`)).headers['x-amz-version-id'] as string;
      const objects = [`<Object><Key>a</Key><VersionId>${a1}</VersionId></Object>`, '<Object><Key>b</Key></Object>', `<Object><Key>c</Key><VersionId>${cMarker}</VersionId></Object>`];
      const body = `<Delete xmlns="${NS}">${objects.join('')}</Delete>`;
      const res: WireResponse = await send(h, 'POST', `/${bucket}?delete`, { body, headers: { 'Content-MD5': md5Base64(body) } });
      expect(res.status).toBe(200);
      const deleted = all(parseXmlDocument(res.text), 'Deleted');
      expect(deleted.map((d) => d.children.map((c) => [c.name, c.text]))).toEqual([
        [['Key', 'a'], ['VersionId', a1]],
        [['Key', 'b'], ['DeleteMarker', 'true'], ['DeleteMarkerVersionId', expect.stringMatching(VERSION_ID)]],
        [['Key', 'c'], ['VersionId', cMarker], ['DeleteMarker', 'true'], ['DeleteMarkerVersionId', cMarker]],
      ]);
      expect((await send(h, 'GET', `/${bucket}/a`)).text).toBe('a2');
      expect((await send(h, 'GET', `/${bucket}/a?versionId=${a1}`)).status).toBe(404);
      expect((await send(h, 'GET', `/${bucket}/b`)).headers['x-amz-delete-marker']).toBe('true');
      expect((await send(h, 'GET', `/${bucket}/c?versionId=${cMarker}`)).status).toBe(404);
    });
  });

  it('keys with reserved characters take versionId like any other', async () => {
    const bucket = await newBucket('Enabled');
    const key = 'dir/ü ?&=+.txt';
    const v1 = await put(bucket, key, 'old');
    await put(bucket, key, 'new');
    expect((await send(h, 'GET', `/${bucket}/${encodeKey(key)}?versionId=${v1}`)).text).toBe('old');
  });
});
