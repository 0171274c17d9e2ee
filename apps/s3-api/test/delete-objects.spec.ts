// DeleteObjects (POST /bucket?delete) on the wire: integrity of the key list (Content-MD5, or the
// CRC32 that AWS SDK v3 sends instead), limits, malformed documents, and the result document.
import { crc32 } from 'node:zlib';
import {
  all,
  childNames,
  createBucket,
  md5Base64,
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

const crc32Base64 = (data: string): string => {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(crc32(Buffer.from(data)));
  return out.toString('base64');
};

const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function deleteDocument(keys: string[], options: { quiet?: boolean; namespace?: boolean } = {}): string {
  const objects = keys.map((k) => `<Object><Key>${xmlEscape(k)}</Key></Object>`).join('');
  const quiet = options.quiet === undefined ? '' : `<Quiet>${options.quiet}</Quiet>`;
  const ns = options.namespace === false ? '' : ` xmlns="${NS}"`;
  return `<?xml version="1.0" encoding="UTF-8"?><Delete${ns}>${objects}${quiet}</Delete>`;
}

describe('S3 wire: DeleteObjects', () => {
  let h: S3Harness;

  beforeAll(async () => {
    h = await startS3Harness();
    await createBucket(h, 'multi');
  });
  afterAll(async () => {
    await h?.close();
  });

  const post = (body: string, headers: Record<string, string>): Promise<WireResponse> => send(h, 'POST', '/multi?delete', { body, headers });
  const withMd5 = (body: string) => post(body, { 'Content-MD5': md5Base64(body), 'Content-Type': 'application/xml' });
  const exists = async (key: string) => (await send(h, 'HEAD', `/multi/${encodeURIComponent(key)}`)).status === 200;
  async function seed(keys: string[]): Promise<void> {
    for (const key of keys) await putObject(h, 'multi', key, `body of ${key}`);
  }

  function result(res: WireResponse) {
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml');
    expect(res.headers['x-amz-request-id']).toMatch(/^[0-9A-F]{16}$/);
    const doc = parseXmlDocument(res.text);
    expect(doc.name).toBe('DeleteResult');
    expect(doc.attributes.xmlns).toBe(NS);
    return {
      doc,
      deleted: all(doc, 'Deleted').map((d) => {
        expect(childNames(d)).toEqual(['Key']);
        return textOf(d, 'Key');
      }),
      errors: all(doc, 'Error').map((e) => ({ key: textOf(e, 'Key'), code: textOf(e, 'Code'), message: textOf(e, 'Message') })),
    };
  }

  it('with Content-MD5: deletes the keys and reports each one, missing keys included', async () => {
    await seed(['a', 'b', 'c']);
    const res = await withMd5(deleteDocument(['a', 'b', 'never-existed']));
    const { deleted, errors } = result(res);
    expect(deleted).toEqual(['a', 'b', 'never-existed']);
    expect(errors).toEqual([]);
    expect(await exists('a')).toBe(false);
    expect(await exists('b')).toBe(false);
    expect(await exists('c')).toBe(true);
  });

  it('with x-amz-checksum-crc32 instead of Content-MD5 (what AWS SDK v3 sends)', async () => {
    await seed(['crc-1', 'crc-2']);
    const body = deleteDocument(['crc-1', 'crc-2']);
    const res = await post(body, { 'x-amz-sdk-checksum-algorithm': 'CRC32', 'x-amz-checksum-crc32': crc32Base64(body) });
    expect(result(res).deleted).toEqual(['crc-1', 'crc-2']);
    expect(await exists('crc-1')).toBe(false);
  });

  it('a Content-MD5 that does not match the body is 400 BadDigest and deletes nothing', async () => {
    await seed(['md5-guarded']);
    const body = deleteDocument(['md5-guarded']);
    const res = await post(body, { 'Content-MD5': md5Base64(deleteDocument(['something-else'])) });
    expect(res.status).toBe(400);
    expect(s3Error(res).code).toBe('BadDigest');
    expect(await exists('md5-guarded')).toBe(true);
  });

  it('an x-amz-checksum-crc32 that does not match is 400 BadDigest and deletes nothing', async () => {
    await seed(['crc-guarded']);
    const body = deleteDocument(['crc-guarded']);
    const res = await post(body, { 'x-amz-checksum-crc32': crc32Base64(body + ' ') });
    expect(res.status).toBe(400);
    expect(s3Error(res).code).toBe('BadDigest');
    expect(await exists('crc-guarded')).toBe(true);
  });

  it('an invalid Content-MD5 is 400 InvalidDigest', async () => {
    const res = await post(deleteDocument(['x']), { 'Content-MD5': 'abc' });
    expect(res.status).toBe(400);
    expect(s3Error(res).code).toBe('InvalidDigest');
  });

  it('more than 1000 keys is 400 MalformedXML and deletes nothing; 1000 is fine', async () => {
    await seed(['limit-0']);
    const tooMany = Array.from({ length: 1001 }, (_, i) => `limit-${i}`);
    const res = await withMd5(deleteDocument(tooMany));
    expect(res.status).toBe(400);
    expect(s3Error(res).code).toBe('MalformedXML');
    expect(await exists('limit-0')).toBe(true);

    const ok = await withMd5(deleteDocument(tooMany.slice(0, 1000)));
    expect(result(ok).deleted).toHaveLength(1000);
    expect(await exists('limit-0')).toBe(false);
  });

  it.each([
    ['not XML at all', 'this is not xml'],
    ['truncated XML', '<Delete><Object><Key>a</Key></Object>'],
    ['another root element', '<Remove><Object><Key>a</Key></Object></Remove>'],
    ['an Object without Key', '<Delete><Object><VersionId>1</VersionId></Object></Delete>'],
    ['no Object at all', '<Delete><Quiet>true</Quiet></Delete>'],
    ['an empty body', ''],
  ])('%s is 400 MalformedXML', async (_name, body) => {
    const res = await withMd5(body);
    expect(res.status).toBe(400);
    const error = s3Error(res);
    expect(error.code).toBe('MalformedXML');
    expect(error.resource).toBe('/multi');
  });

  it.each([
    ['an unsigned payload', 'UNSIGNED-PAYLOAD'],
    ['a signed payload', undefined],
  ])('a body over the 2 MiB limit (%s) is answered with 400 MalformedXML, not a dropped connection', async (_name, payloadHash) => {
    await seed(['survivor']);
    const body = deleteDocument(['survivor']).replace('</Delete>', `<Pad>${'x'.repeat(3 * 1024 * 1024)}</Pad></Delete>`);
    const res = await send(h, 'POST', '/multi?delete', { body, payloadHash, headers: { 'Content-MD5': md5Base64(body) } });
    expect(res.status).toBe(400);
    expect(s3Error(res).code).toBe('MalformedXML');
    expect(await exists('survivor')).toBe(true);
  });

  it('an Object naming a VersionId deletes that version only: a malformed id is reported, "null" is the unversioned object', async () => {
    await seed(['versioned']);
    const malformed = '3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY';
    const res = await withMd5(`<Delete><Object><Key>versioned</Key><VersionId>${malformed}</VersionId></Object></Delete>`);
    expect(res.status).toBe(200);
    const refused = all(parseXmlDocument(res.text), 'Error').map((e) => [textOf(e, 'Key'), textOf(e, 'VersionId'), textOf(e, 'Code')]);
    expect(refused).toEqual([['versioned', malformed, 'InvalidArgument']]);
    expect(await exists('versioned')).toBe(true);

    const nullVersion = await withMd5('<Delete><Object><Key>versioned</Key><VersionId>null</VersionId></Object></Delete>');
    const deleted = all(parseXmlDocument(nullVersion.text), 'Deleted');
    expect(deleted.map((d) => [childNames(d), textOf(d, 'Key'), textOf(d, 'VersionId')])).toEqual([[['Key', 'VersionId'], 'versioned', 'null']]);
    expect(await exists('versioned')).toBe(false);
  });

  it('Quiet mode reports only the failures', async () => {
    await seed(['quiet-1', 'quiet-2']);
    const res = await withMd5(deleteDocument(['quiet-1', '', 'quiet-2'], { quiet: true }));
    const { doc, deleted, errors } = result(res);
    expect(deleted).toEqual([]);
    expect(childNames(doc)).toEqual(['Error']);
    expect(errors).toEqual([{ key: '', code: 'InvalidArgument', message: expect.any(String) }]);
    expect(await exists('quiet-1')).toBe(false);
    expect(await exists('quiet-2')).toBe(false);

    const quietAllGood = await withMd5(deleteDocument(['gone-anyway'], { quiet: true }));
    expect(result(quietAllGood).doc.children).toEqual([]);
  });

  it('Quiet false is the verbose mode; a document without the namespace is accepted', async () => {
    await seed(['verbose']);
    const res = await withMd5(deleteDocument(['verbose'], { quiet: false, namespace: false }));
    expect(result(res).deleted).toEqual(['verbose']);
  });

  it('keys with XML-special and non-ASCII characters round-trip escaped', async () => {
    const keys = ['a&b<c>.txt', 'dir/é 😀', `"quoted'`];
    await seed(keys);
    const res = await withMd5(deleteDocument(keys));
    expect(res.text).toContain('<Key>a&amp;b&lt;c&gt;.txt</Key>');
    expect(result(res).deleted).toEqual(keys);
    for (const key of keys) expect(await exists(key)).toBe(false);
  });

  it('a key too long is reported as an Error entry while the others are deleted', async () => {
    await seed(['short']);
    const res = await withMd5(deleteDocument(['short', 'k'.repeat(1025)]));
    const { deleted, errors } = result(res);
    expect(deleted).toEqual(['short']);
    expect(errors).toEqual([{ key: 'k'.repeat(1025), code: 'KeyTooLongError', message: expect.any(String) }]);
  });

  it('updates the bucket usage counters', async () => {
    await createBucket(h, 'counted');
    for (const key of ['one', 'two', 'three']) await putObject(h, 'counted', key, '12345');
    const body = deleteDocument(['one', 'two']);
    const res = await send(h, 'POST', '/counted?delete', { body, headers: { 'Content-MD5': md5Base64(body) } });
    expect(result(res).deleted).toEqual(['one', 'two']);
    const head = await send(h, 'HEAD', '/counted');
    expect(head.headers['x-rgw-object-count']).toBe('1');
    expect(head.headers['x-rgw-bytes-used']).toBe('5');
  });

  it('on a missing bucket is 404 NoSuchBucket', async () => {
    const body = deleteDocument(['a']);
    const res = await send(h, 'POST', '/no-such-bucket?delete', { body, headers: { 'Content-MD5': md5Base64(body) } });
    expect(res.status).toBe(404);
    expect(s3Error(res).fields.BucketName).toBe('no-such-bucket');
  });
});
