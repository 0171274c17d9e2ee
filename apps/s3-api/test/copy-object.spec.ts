// CopyObject on the wire: x-amz-copy-source forms, metadata and tagging directives, copy
// conditions, a copy onto itself, versions, the source read authorised by the decision point,
// and the CopyObjectResult document.
import {
  addUser,
  blobFiles,
  childNames,
  createBucket,
  Credentials,
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
} from './s3-harness';

const NS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('S3 wire: CopyObject', () => {
  let h: S3Harness;
  beforeAll(async () => {
    h = await startS3Harness();
    await createBucket(h, 'copies');
    await createBucket(h, 'elsewhere');
  });
  afterAll(async () => {
    await h?.close();
  });

  const copy = (to: string, source: string, headers: Record<string, string> = {}, creds?: Credentials): Promise<WireResponse> =>
    send(h, 'PUT', to, { headers: { 'x-amz-copy-source': source, ...headers }, creds });
  /** The CopyObjectResult of a successful copy: its ETag and LastModified. */
  function resultOf(res: WireResponse): { etag: string; lastModified: string } {
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml');
    const doc = parseXmlDocument(res.text);
    expect(doc.name).toBe('CopyObjectResult');
    expect(doc.attributes.xmlns).toBe(NS);
    expect(childNames(doc)).toEqual(['ETag', 'LastModified']);
    expect(textOf(doc, 'LastModified')).toMatch(ISO);
    return { etag: textOf(doc, 'ETag')!, lastModified: textOf(doc, 'LastModified')! };
  }
  const source = {
    'Content-Type': 'text/plain',
    'Cache-Control': 'max-age=1',
    'Content-Disposition': 'inline',
    'Content-Language': 'en',
    'x-amz-meta-color': 'blue',
    'x-amz-tagging': 'a=1',
  };

  it('copies bytes, ETag, content type, stored headers, metadata and tags by default, writing no new blob', async () => {
    await putObject(h, 'copies', 'src.txt', 'hello', source);
    const blobsBefore = blobFiles(h).length;
    const result = resultOf(await copy('/copies/dst.txt', '/copies/src.txt'));
    expect(result.etag).toBe(`"${md5Hex('hello')}"`);
    expect(blobFiles(h)).toHaveLength(blobsBefore);
    const got = await send(h, 'GET', '/copies/dst.txt');
    expect(got.text).toBe('hello');
    expect(got.headers).toMatchObject({
      etag: `"${md5Hex('hello')}"`,
      'content-type': 'text/plain',
      'cache-control': 'max-age=1',
      'content-disposition': 'inline',
      'content-language': 'en',
      'x-amz-meta-color': 'blue',
      'x-amz-tagging-count': '1',
    });
    expect(got.headers['x-amz-version-id']).toBeUndefined();
  });

  it('REPLACE takes content type, stored headers and metadata from the request; COPY ignores them', async () => {
    await putObject(h, 'copies', 'meta-src', 'data', source);
    const replaced = { 'x-amz-metadata-directive': 'REPLACE', 'Content-Type': 'image/png', 'x-amz-meta-size': 'L' };
    resultOf(await copy('/copies/meta-replaced', 'copies/meta-src', replaced));
    const got = await send(h, 'HEAD', '/copies/meta-replaced');
    expect(got.headers).toMatchObject({ 'content-type': 'image/png', 'x-amz-meta-size': 'L' });
    expect(got.headers['x-amz-meta-color']).toBeUndefined();
    expect(got.headers['cache-control']).toBeUndefined();

    resultOf(await copy('/copies/meta-copied', 'copies/meta-src', { 'x-amz-metadata-directive': 'COPY', 'x-amz-meta-size': 'L', 'Content-Type': 'image/png' }));
    const kept = await send(h, 'HEAD', '/copies/meta-copied');
    expect(kept.headers).toMatchObject({ 'content-type': 'text/plain', 'x-amz-meta-color': 'blue' });
    expect(kept.headers['x-amz-meta-size']).toBeUndefined();
    const bare = await copy('/copies/meta-bare', 'copies/meta-src', { 'x-amz-metadata-directive': 'REPLACE' });
    resultOf(bare);
    expect((await send(h, 'HEAD', '/copies/meta-bare')).headers['content-type']).toBe('binary/octet-stream');
  });

  it('the tagging directive: COPY keeps the source tags, REPLACE takes x-amz-tagging (none: no tags)', async () => {
    await putObject(h, 'copies', 'tag-src', 'data', { 'x-amz-tagging': 'a=1' });
    const tagsOf = async (key: string) => (await send(h, 'GET', `/copies/${key}?tagging`)).text;
    resultOf(await copy('/copies/tag-copied', 'copies/tag-src', { 'x-amz-tagging': 'b=2' }));
    expect(await tagsOf('tag-copied')).toContain('<Key>a</Key><Value>1</Value>');
    resultOf(await copy('/copies/tag-replaced', 'copies/tag-src', { 'x-amz-tagging-directive': 'REPLACE', 'x-amz-tagging': 'b=2&c=3' }));
    expect(await tagsOf('tag-replaced')).toContain('<Tag><Key>b</Key><Value>2</Value></Tag><Tag><Key>c</Key><Value>3</Value></Tag>');
    resultOf(await copy('/copies/tag-none', 'copies/tag-src', { 'x-amz-tagging-directive': 'REPLACE' }));
    expect((await send(h, 'HEAD', '/copies/tag-none')).headers['x-amz-tagging-count']).toBeUndefined();
  });

  it.each([
    ['copies/plain key', 'plain key', 'copies/plain%20key'],
    ['/copies/plain key', 'plain key', '/copies/plain%20key'],
    ['unicode and reserved characters', '\u00fcn\u00ef/\u00e7\u00f8d\u00e9 \u6587 a%b?c&d=e+f', `/copies/${encodeURIComponent('\u00fcn\u00ef/\u00e7\u00f8d\u00e9 \u6587 a%b?c&d=e+f')}`],
    ['an unencoded slash path', 'dir/sub/file', 'copies/dir/sub/file'],
    ['another bucket', 'from-elsewhere', 'elsewhere/from-elsewhere'],
    ['the null version named', 'null-named', '/copies/null-named?versionId=null'],
  ])('reads the source %j', async (_name, key, header) => {
    const bucket = header.includes('elsewhere') ? 'elsewhere' : 'copies';
    await putObject(h, bucket, key, `content of ${key}`);
    const result = resultOf(await copy('/copies/from-source', header));
    expect(result.etag).toBe(`"${md5Hex(`content of ${key}`)}"`);
    expect((await send(h, 'GET', '/copies/from-source')).text).toBe(`content of ${key}`);
  });

  it.each([
    ['x-amz-metadata-directive', 'MERGE', 'Unknown metadata directive.'],
    ['x-amz-metadata-directive', 'replace', 'Unknown metadata directive.'],
    ['x-amz-tagging-directive', 'MERGE', 'Unknown tagging directive.'],
  ])('refuses %s: %s with InvalidArgument', async (name, value, message) => {
    await putObject(h, 'copies', 'directive-src', 'data');
    const res = await copy('/copies/directive-dst', 'copies/directive-src', { [name]: value });
    const error = s3Error(res);
    expect({ status: res.status, code: error.code, message: error.message, name: error.fields.ArgumentName, value: error.fields.ArgumentValue }).toEqual({
      status: 400, code: 'InvalidArgument', message, name, value,
    });
    expect((await send(h, 'HEAD', '/copies/directive-dst')).status).toBe(404);
  });

  it.each([
    ['a source key that does not exist', 'copies/missing', 404, 'NoSuchKey'],
    ['a source bucket that does not exist', 'no-such-bucket/x', 404, 'NoSuchBucket'],
    ['a source without a key', '/copies', 400, 'InvalidArgument'],
    ['a source without a bucket', '/', 400, 'InvalidArgument'],
    ['a malformed source version id', 'copies/directive-src?versionId=bad', 400, 'InvalidArgument'],
    ['an unknown source version id', `copies/directive-src?versionId=${'C'.repeat(32)}`, 404, 'NoSuchVersion'],
  ])('refuses %s', async (_name, header, status, code) => {
    await putObject(h, 'copies', 'directive-src', 'data');
    const res = await copy('/copies/refused-dst', header);
    expect({ status: res.status, code: s3Error(res).code }).toEqual({ status, code });
  });

  it('a destination bucket that does not exist is NoSuchBucket', async () => {
    await putObject(h, 'copies', 'directive-src', 'data');
    const res = await copy('/no-such-bucket/dst', 'copies/directive-src');
    expect([res.status, s3Error(res).code]).toEqual([404, 'NoSuchBucket']);
  });

  describe('onto itself', () => {
    it('is InvalidRequest without REPLACE, even with new tags', async () => {
      await putObject(h, 'copies', 'self', 'data', { 'x-amz-meta-v': '1' });
      const attempts: Record<string, string>[] = [{}, { 'x-amz-metadata-directive': 'COPY' }, { 'x-amz-tagging-directive': 'REPLACE', 'x-amz-tagging': 'b=2' }];
      for (const headers of attempts) {
        const res = await copy('/copies/self', 'copies/self', headers);
        const error = s3Error(res);
        expect([res.status, error.code]).toEqual([400, 'InvalidRequest']);
        expect(error.message).toMatch(/^This copy request is illegal because it is trying to copy an object to itself/);
      }
    });

    it('with REPLACE changes the metadata in place, bytes and ETag unchanged', async () => {
      await putObject(h, 'copies', 'self-meta', 'data', { 'x-amz-meta-v': '1', 'Content-Type': 'text/plain' });
      const result = resultOf(await copy('/copies/self-meta', '/copies/self-meta', { 'x-amz-metadata-directive': 'REPLACE', 'x-amz-meta-v': '2' }));
      expect(result.etag).toBe(`"${md5Hex('data')}"`);
      const got = await send(h, 'GET', '/copies/self-meta');
      expect([got.text, got.headers['x-amz-meta-v'], got.headers['content-type']]).toEqual(['data', '2', 'binary/octet-stream']);
    });

    it('with a storage class named is legal', async () => {
      await putObject(h, 'copies', 'self-class', 'data');
      resultOf(await copy('/copies/self-class', 'copies/self-class', { 'x-amz-storage-class': 'STANDARD' }));
    });
  });

  describe('x-amz-copy-source-if-*', () => {
    let lastModified: string;
    beforeAll(async () => {
      await putObject(h, 'copies', 'cond', 'data');
      lastModified = (await send(h, 'HEAD', '/copies/cond')).headers['last-modified'] as string;
    });
    const earlier = () => new Date(Date.parse(lastModified) - 60_000).toUTCString();
    const later = () => new Date(Date.parse(lastModified) + 60_000).toUTCString();

    it.each<[string, () => Record<string, string>, string | undefined]>([
      ['if-match holds', () => ({ 'x-amz-copy-source-if-match': `"${md5Hex('data')}"` }), undefined],
      ['if-match fails', () => ({ 'x-amz-copy-source-if-match': '"0123"' }), 'x-amz-copy-source-If-Match'],
      ['if-none-match holds', () => ({ 'x-amz-copy-source-if-none-match': '"0123"' }), undefined],
      ['if-none-match fails', () => ({ 'x-amz-copy-source-if-none-match': `"${md5Hex('data')}"` }), 'x-amz-copy-source-If-None-Match'],
      ['if-modified-since holds', () => ({ 'x-amz-copy-source-if-modified-since': earlier() }), undefined],
      ['if-modified-since fails', () => ({ 'x-amz-copy-source-if-modified-since': later() }), 'x-amz-copy-source-If-Modified-Since'],
      ['if-unmodified-since holds', () => ({ 'x-amz-copy-source-if-unmodified-since': later() }), undefined],
      ['if-unmodified-since fails', () => ({ 'x-amz-copy-source-if-unmodified-since': earlier() }), 'x-amz-copy-source-If-Unmodified-Since'],
    ])('%s', async (name, headers, condition) => {
      const key = `cond-${name.replace(/ /g, '-')}`;
      const res = await copy(`/copies/${key}`, 'copies/cond', headers());
      if (condition === undefined) {
        resultOf(res);
        return;
      }
      const error = s3Error(res);
      expect([res.status, error.code, error.fields.Condition]).toEqual([412, 'PreconditionFailed', condition]);
      expect((await send(h, 'HEAD', `/copies/${key}`)).status).toBe(404);
    });
  });

  describe('versions', () => {
    it('names the new version and the source version copied, and copies an older version back', async () => {
      await createBucket(h, 'copies-versioned');
      const body = `<VersioningConfiguration xmlns="${NS}"><Status>Enabled</Status></VersioningConfiguration>`;
      expect((await send(h, 'PUT', '/copies-versioned?versioning', { body, headers: { 'Content-MD5': md5Base64(body) } })).status).toBe(200);
      const v1 = (await putObject(h, 'copies-versioned', 'doc', 'first')).headers['x-amz-version-id'] as string;
      await putObject(h, 'copies-versioned', 'doc', 'second');

      const restored = await copy('/copies-versioned/doc', `copies-versioned/doc?versionId=${v1}`);
      resultOf(restored);
      expect(restored.headers['x-amz-copy-source-version-id']).toBe(v1);
      const newVersion = restored.headers['x-amz-version-id'] as string;
      expect(newVersion).toMatch(/^[A-Za-z0-9_-]{32}$/);
      const got = await send(h, 'GET', '/copies-versioned/doc');
      expect([got.text, got.headers['x-amz-version-id']]).toEqual(['first', newVersion]);

      const out = await copy('/copies/from-versioned', 'copies-versioned/doc');
      expect([out.headers['x-amz-copy-source-version-id'], out.headers['x-amz-version-id']]).toEqual([newVersion, undefined]);
      const marker = (await send(h, 'DELETE', '/copies-versioned/doc')).headers['x-amz-version-id'] as string;
      const fromMarker = await copy('/copies/x', `copies-versioned/doc?versionId=${marker}`);
      expect([fromMarker.status, s3Error(fromMarker).code]).toEqual([400, 'InvalidRequest']);
      const fromDeleted = await copy('/copies/x', 'copies-versioned/doc');
      expect([fromDeleted.status, s3Error(fromDeleted).code, fromDeleted.headers['x-amz-delete-marker']]).toEqual([404, 'NoSuchKey', undefined]);
    });
  });

  describe('access', () => {
    it('a reader may read the source but not write the copy', async () => {
      await putObject(h, 'copies', 'guarded', 'data');
      const reader = await addUser(h, 'reader', 'copy-reader');
      const res = await copy('/copies/by-reader', 'copies/guarded', {}, reader);
      expect([res.status, s3Error(res).code]).toEqual([403, 'AccessDenied']);
    });

    it('the source read goes through the decision point: a writer of the target who may not read the source is AccessDenied', async () => {
      const account = await h.storage.accounts.create({ name: 'copy-stranger' });
      const stranger = await addUser(h, 'member', 'copy-stranger', account.id);
      await createBucket(h, 'copy-drop');
      await createBucket(h, 'copy-secret');
      await putObject(h, 'copy-secret', 'secret', 'classified');
      await putObject(h, 'copy-drop', 'public', 'open', { 'x-amz-acl': 'public-read' });
      const grant = await send(h, 'PUT', '/copy-drop?acl', { headers: { 'x-amz-grant-write': `id="${stranger.userId}"`, 'x-amz-grant-full-control': `id="${h.userId}"` } });
      expect(grant.status).toBe(200);

      const target = `/${h.accountId}:copy-drop`;
      const denied = await copy(`${target}/stolen`, 'copy-secret/secret', {}, stranger);
      expect([denied.status, s3Error(denied).code]).toEqual([403, 'AccessDenied']);
      expect((await send(h, 'HEAD', '/copy-drop/stolen')).status).toBe(404);
      resultOf(await copy(`${target}/allowed`, 'copy-drop/public', {}, stranger));
      expect((await send(h, 'GET', '/copy-drop/allowed')).text).toBe('open');
    });
  });

  it('copies an object made of parts, sharing them: ETag, size and part count stay the source\'s', async () => {
    const create = await send(h, 'POST', '/copies/parted?uploads');
    expect(create.status).toBe(200);
    const uploadId = textOf(parseXmlDocument(create.text), 'UploadId')!;
    const first = Buffer.alloc(5 * 1024 * 1024, 'a');
    const parts: string[] = [];
    for (const [i, body] of [first, Buffer.from('tail')].entries()) {
      const res = await send(h, 'PUT', `/copies/parted?partNumber=${i + 1}&uploadId=${uploadId}`, { body });
      expect(res.status).toBe(200);
      parts.push(`<Part><PartNumber>${i + 1}</PartNumber><ETag>${res.headers.etag}</ETag></Part>`);
    }
    const complete = `<CompleteMultipartUpload>${parts.join('')}</CompleteMultipartUpload>`;
    expect((await send(h, 'POST', `/copies/parted?uploadId=${uploadId}`, { body: complete })).status).toBe(200);
    const sourceHead = await send(h, 'HEAD', '/copies/parted');
    const blobsBefore = blobFiles(h).length;

    const result = resultOf(await copy('/elsewhere/parted-copy', 'copies/parted'));
    expect(result.etag).toBe(sourceHead.headers.etag);
    expect(blobFiles(h)).toHaveLength(blobsBefore);
    const head = await send(h, 'HEAD', '/elsewhere/parted-copy');
    expect([head.headers['content-length'], head.headers['x-amz-mp-parts-count']]).toEqual([String(first.length + 4), '2']);
    expect((await send(h, 'DELETE', '/copies/parted')).status).toBe(204);
    await h.storage.gc.drain();
    const got = await send(h, 'GET', '/elsewhere/parted-copy', { headers: { Range: `bytes=${first.length - 2}-` } });
    expect([got.status, got.text]).toEqual([206, 'aatail']);
  });
});
