// Object tagging on the wire: Get/Put/DeleteObjectTagging, the x-amz-tagging header of PutObject,
// x-amz-tagging-count, S3's limits and error codes, and tags of one version.
import {
  addUser,
  createBucket,
  md5Base64,
  putObject,
  s3Error,
  send,
  startS3Harness,
  S3Harness,
  WireResponse,
} from './s3-harness';

const NS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const DECL = '<?xml version="1.0" encoding="UTF-8"?>';
const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const tagging = (tags: [string, string][]) =>
  `<Tagging xmlns="${NS}"><TagSet>${tags.map(([k, v]) => `<Tag><Key>${xmlEscape(k)}</Key><Value>${xmlEscape(v)}</Value></Tag>`).join('')}</TagSet></Tagging>`;
const answer = (tags: [string, string][]) =>
  `${DECL}<Tagging xmlns="${NS}">` +
  (tags.length === 0 ? '<TagSet/>' : `<TagSet>${tags.map(([k, v]) => `<Tag><Key>${xmlEscape(k)}</Key>${v === '' ? '<Value/>' : `<Value>${xmlEscape(v)}</Value>`}</Tag>`).join('')}</TagSet>`) +
  '</Tagging>';

describe('S3 wire: object tagging', () => {
  let h: S3Harness;
  beforeAll(async () => {
    h = await startS3Harness();
    await createBucket(h, 'tags');
  });
  afterAll(async () => {
    await h?.close();
  });

  const putTags = (key: string, body: string, query = '') =>
    send(h, 'PUT', `/tags/${key}?tagging${query}`, { body, headers: { 'Content-MD5': md5Base64(body), 'Content-Type': 'application/xml' } });
  const getTags = (key: string, query = '') => send(h, 'GET', `/tags/${key}?tagging${query}`);
  const refusal = (res: WireResponse) => {
    const error = s3Error(res);
    return { status: res.status, code: error.code, message: error.message, ...(error.fields.TagKey !== undefined ? { TagKey: error.fields.TagKey } : {}) };
  };

  it('PutObjectTagging, GetObjectTagging and DeleteObjectTagging, with x-amz-tagging-count on GET and HEAD', async () => {
    await putObject(h, 'tags', 'object', 'hello');
    const none = await getTags('object');
    expect([none.status, none.headers['content-type'], none.text]).toEqual([200, 'application/xml', answer([])]);
    expect((await send(h, 'HEAD', '/tags/object')).headers['x-amz-tagging-count']).toBeUndefined();

    const ten: [string, string][] = Array.from({ length: 7 }, (_, i) => [`key-${i}`, `value-${i}`]);
    ten.push(['b c+d-e=f.g_h:i/j@k', '2 + 2 = 4'], ['empty', ''], ['\u{1D49C}'.repeat(64), '\u6587'.repeat(256)]);
    const put = await putTags('object', tagging(ten));
    expect([put.status, put.body.length, put.headers['x-amz-version-id']]).toEqual([200, 0, undefined]);
    const got = await getTags('object');
    expect(got.headers['x-amz-version-id']).toBeUndefined();
    const sent = new Map(ten);
    expect(new Map([...got.text.matchAll(/<Tag><Key>([^<]*)<\/Key>(?:<Value>([^<]*)<\/Value>|<Value\/>)<\/Tag>/g)].map((m) => [m[1], m[2] ?? '']))).toEqual(sent);
    for (const method of ['GET', 'HEAD']) expect((await send(h, method, '/tags/object')).headers['x-amz-tagging-count']).toBe('10');

    expect((await putTags('object', tagging([['only', 'one']]))).status).toBe(200);
    expect((await getTags('object')).text).toBe(answer([['only', 'one']]));
    const deleted = await send(h, 'DELETE', '/tags/object?tagging');
    expect([deleted.status, deleted.body.length]).toEqual([204, 0]);
    expect((await getTags('object')).text).toBe(answer([]));
    expect((await send(h, 'GET', '/tags/object')).text).toBe('hello');
    expect((await putTags('object', tagging([]))).status).toBe(200);
  });

  it.each<[string, [string, string][]]>([
    ['a=1&b=2', [['a', '1'], ['b', '2']]],
    ['a&b=', [['a', ''], ['b', '']]],
    ['a%20b=c%2Bd&e+f=g=h', [['a b', 'c+d'], ['e f', 'g=h']]],
    ['%C3%BC=%E6%96%87', [['\u00fc', '\u6587']]],
    ['', []],
  ])('x-amz-tagging: %j on PutObject', async (header, tags) => {
    const key = `header-${encodeURIComponent(header)}`;
    await putObject(h, 'tags', key, 'data', { 'x-amz-tagging': header });
    expect((await getTags(encodeURIComponent(key))).text).toBe(answer(tags));
  });

  const invalidHeader = "The header 'x-amz-tagging' shall be encoded as UTF-8 then URLEncoded URL query parameters without tag name duplicates.";
  it.each([
    ['a=1&a=2', { status: 400, code: 'InvalidArgument', message: invalidHeader }],
    ['=1', { status: 400, code: 'InvalidArgument', message: invalidHeader }],
    ['a=%FF', { status: 400, code: 'InvalidArgument', message: invalidHeader }],
    ['a=%zz', { status: 400, code: 'InvalidArgument', message: invalidHeader }],
    [Array.from({ length: 11 }, (_, i) => `k${i}=`).join('&'), { status: 400, code: 'BadRequest', message: 'Object tags cannot be greater than 10' }],
    ['a,b=1', { status: 400, code: 'InvalidTag', message: 'The TagKey you have provided is invalid', TagKey: 'a,b' }],
    ['aws:cost=1', { status: 400, code: 'InvalidTag', message: 'System tags cannot be added/updated by requester', TagKey: 'aws:cost' }],
  ])('PutObject refuses x-amz-tagging: %j, and stores nothing', async (header, expected) => {
    const res = await send(h, 'PUT', '/tags/refused-upload', { body: 'data', headers: { 'x-amz-tagging': header } });
    expect(refusal(res)).toEqual(expected);
    expect((await send(h, 'HEAD', '/tags/refused-upload')).status).toBe(404);
  });

  describe('PutObjectTagging refuses', () => {
    const eleven: [string, string][] = Array.from({ length: 11 }, (_, i) => [`key-${i}`, '']);
    it.each<[string, string, object]>([
      ['11 tags', tagging(eleven), { status: 400, code: 'BadRequest', message: 'Object tags cannot be greater than 10' }],
      ['a key twice', tagging([['a', '1'], ['a', '2']]), { status: 400, code: 'InvalidTag', message: 'Cannot provide multiple Tags with the same key', TagKey: 'a' }],
      ['a key of 129 characters', tagging([['k'.repeat(129), '']]), { status: 400, code: 'InvalidTag', message: 'The TagKey you have provided is invalid', TagKey: 'k'.repeat(129) }],
      ['an empty key', tagging([['', 'v']]), { status: 400, code: 'InvalidTag', message: 'The TagKey you have provided is invalid', TagKey: '' }],
      ['a value of 257 characters', tagging([['k', 'v'.repeat(257)]]), { status: 400, code: 'InvalidTag', message: 'The TagValue you have provided is invalid', TagKey: 'k' }],
      ['a key with an emoji', tagging([['\u{1F600}', 'v']]), { status: 400, code: 'InvalidTag', message: 'The TagKey you have provided is invalid', TagKey: '\u{1F600}' }],
      ['an aws: key', tagging([['AWS:cost', 'v']]), { status: 400, code: 'InvalidTag', message: 'System tags cannot be added/updated by requester', TagKey: 'AWS:cost' }],
      ['a document that has no end', '<Tagging><TagSet>', { status: 400, code: 'MalformedXML' }],
      ['a document without a tag set', '<Tagging></Tagging>', { status: 400, code: 'MalformedXML' }],
      ['a tag without a value element', '<Tagging><TagSet><Tag><Key>a</Key></Tag></TagSet></Tagging>', { status: 400, code: 'MalformedXML' }],
      ['another document', '<Tags><TagSet></TagSet></Tags>', { status: 400, code: 'MalformedXML' }],
      ['no document', '', { status: 400, code: 'MissingRequestBodyError', message: 'Request Body is empty' }],
    ])('%s', async (_name, body, expected) => {
      await putObject(h, 'tags', 'refusing', 'data', { 'x-amz-tagging': 'kept=yes' });
      const res = await putTags('refusing', body);
      expect(refusal(res)).toMatchObject(expected);
      expect((await getTags('refusing')).text).toBe(answer([['kept', 'yes']]));
    });

    it('a document whose Content-MD5 does not match', async () => {
      await putObject(h, 'tags', 'refusing', 'data');
      const body = tagging([['a', '1']]);
      const res = await send(h, 'PUT', '/tags/refusing?tagging', { body, headers: { 'Content-MD5': md5Base64('other') } });
      expect(refusal(res)).toMatchObject({ status: 400, code: 'BadDigest' });
    });
  });

  it.each([
    ['GET', ''],
    ['PUT', tagging([['a', '1']])],
    ['DELETE', ''],
  ])('%s ?tagging of a key that does not exist is NoSuchKey', async (method, body) => {
    const res = await send(h, method, '/tags/missing?tagging', body ? { body, headers: { 'Content-MD5': md5Base64(body) } } : {});
    expect([res.status, s3Error(res).code]).toEqual([404, 'NoSuchKey']);
    expect((await send(h, 'GET', '/no-such-bucket/x?tagging')).status).toBe(404);
  });

  it('tags one version by its id and names it in x-amz-version-id', async () => {
    await createBucket(h, 'tags-versioned');
    const body = `<VersioningConfiguration xmlns="${NS}"><Status>Enabled</Status></VersioningConfiguration>`;
    await send(h, 'PUT', '/tags-versioned?versioning', { body, headers: { 'Content-MD5': md5Base64(body) } });
    const v1 = (await putObject(h, 'tags-versioned', 'k', 'one', { 'x-amz-tagging': 'v=1' })).headers['x-amz-version-id'] as string;
    const v2 = (await putObject(h, 'tags-versioned', 'k', 'two')).headers['x-amz-version-id'] as string;
    const doc = tagging([['old', 'yes']]);
    const put = await send(h, 'PUT', `/tags-versioned/k?tagging&versionId=${v1}`, { body: doc, headers: { 'Content-MD5': md5Base64(doc) } });
    expect([put.status, put.headers['x-amz-version-id']]).toEqual([200, v1]);
    const old = await send(h, 'GET', `/tags-versioned/k?tagging&versionId=${v1}`);
    expect([old.text, old.headers['x-amz-version-id']]).toEqual([answer([['old', 'yes']]), v1]);
    const latest = await send(h, 'GET', '/tags-versioned/k?tagging');
    expect([latest.text, latest.headers['x-amz-version-id']]).toEqual([answer([]), v2]);
    expect((await send(h, 'HEAD', `/tags-versioned/k?versionId=${v1}`)).headers['x-amz-tagging-count']).toBe('1');
    const gone = await send(h, 'GET', `/tags-versioned/k?tagging&versionId=${'D'.repeat(32)}`);
    expect([gone.status, s3Error(gone).code]).toEqual([404, 'NoSuchVersion']);
  });

  it('a reader may read tags but not change them', async () => {
    await putObject(h, 'tags', 'guarded', 'data', { 'x-amz-tagging': 'a=1' });
    const reader = await addUser(h, 'reader', 'tag-reader');
    expect((await send(h, 'GET', '/tags/guarded?tagging', { creds: reader })).status).toBe(200);
    const body = tagging([]);
    const denied = await send(h, 'PUT', '/tags/guarded?tagging', { body, creds: reader, headers: { 'Content-MD5': md5Base64(body) } });
    expect([denied.status, s3Error(denied).code]).toEqual([403, 'AccessDenied']);
    expect((await send(h, 'DELETE', '/tags/guarded?tagging', { creds: reader })).status).toBe(403);
    expect((await getTags('guarded')).text).toBe(answer([['a', '1']]));
  });
});
