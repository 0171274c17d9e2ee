// Swift FormPost on the wire, with forms built by hand as a browser sends them.
import { createHmac } from 'node:crypto';
import request from 'supertest';
import { startSwiftHarness, SwiftHarness } from './swift-harness';

const KEY = 'form-key';
const BOUNDARY = '----formpost-boundary';

interface FormSpec {
  fields: [string, string][];
  files: { name: string; filename: string; body: string | Buffer; contentType?: string }[];
}

function multipart({ fields, files }: FormSpec): Buffer {
  const chunks: Buffer[] = [];
  for (const [name, value] of fields) {
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const file of files) {
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${file.contentType ?? 'text/plain'}\r\n\r\n`));
    chunks.push(Buffer.isBuffer(file.body) ? file.body : Buffer.from(file.body));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

/** The form fields a page embeds, signed as Swift's formpost docs show (HMAC-SHA1 hex by default). */
function signedFields(path: string, opts: { redirect?: string; maxFileSize?: number; maxFileCount?: number; expires?: number; key?: string; digest?: string } = {}): [string, string][] {
  const redirect = opts.redirect ?? '';
  const maxFileSize = String(opts.maxFileSize ?? 1024);
  const maxFileCount = String(opts.maxFileCount ?? 5);
  const expires = String(opts.expires ?? Math.floor(Date.now() / 1000) + 600);
  const signature = createHmac(opts.digest ?? 'sha1', opts.key ?? KEY).update(`${path}\n${redirect}\n${maxFileSize}\n${maxFileCount}\n${expires}`).digest('hex');
  return [
    ['redirect', redirect],
    ['max_file_size', maxFileSize],
    ['max_file_count', maxFileCount],
    ['expires', expires],
    ['signature', signature],
  ];
}

describe('Swift FormPost', () => {
  let h: SwiftHarness;
  const auth = () => ({ 'X-Auth-Token': h.token });
  const post = (path: string, form: FormSpec) =>
    request(h.url).post(path).set('Content-Type', `multipart/form-data; boundary=${BOUNDARY}`).send(multipart(form));
  const read = async (key: string) => (await request(h.url).get(`${h.accountPath}/forms/${key}`).set(auth())).text;
  const status = async (key: string) => (await request(h.url).head(`${h.accountPath}/forms/${key}`).set(auth())).status;

  beforeAll(async () => {
    h = await startSwiftHarness();
    await request(h.url).put(`${h.accountPath}/forms`).set(auth()).expect(201);
    await request(h.url).post(h.accountPath).set(auth()).set('X-Account-Meta-Temp-URL-Key', KEY).expect(204);
  });
  afterAll(() => h?.close());

  it('stores each file under the prefix and answers 201 without a redirect', async () => {
    const path = `${h.accountPath}/forms/up/`;
    const res = await post(path, {
      fields: signedFields(path),
      files: [
        { name: 'file1', filename: 'a.txt', body: 'first file' },
        { name: 'file2', filename: 'b.json', body: '{"b":2}', contentType: 'application/json' },
      ],
    }).expect(201);
    expect(res.text).toBe('201 Created');
    expect(await read('up/a.txt')).toBe('first file');
    expect(await read('up/b.json')).toBe('{"b":2}');
    const head = await request(h.url).head(`${h.accountPath}/forms/up/b.json`).set(auth()).expect(200);
    expect(head.headers['content-type']).toBe('application/json');
  });

  it('posts to the container itself with a sha256 signature and redirects with status and message', async () => {
    const path = `${h.accountPath}/forms`;
    const redirect = 'https://app.example.com/done?x=1';
    const res = await post(path, { fields: signedFields(path, { redirect, digest: 'sha256' }), files: [{ name: 'f', filename: 'top.txt', body: 'top' }] }).expect(303);
    expect(res.headers.location).toBe(`${redirect}&status=201&message=`);
    expect(res.text).toContain('Click to continue...');
    expect(await read('top.txt')).toBe('top');

    // A redirect with spaces, line breaks or non-ASCII is percent-encoded in Location, never a 500.
    const odd = 'https://app.example.com/다음 page\r\nX-Injected: 1/';
    const encoded = await post(path, { fields: signedFields(path, { redirect: odd }), files: [{ name: 'f', filename: 'odd.txt', body: 'odd' }] }).expect(303);
    expect(encoded.headers.location).toBe('https://app.example.com/%EB%8B%A4%EC%9D%8C%20page%0D%0AX-Injected:%201/?status=201&message=');
    expect(encoded.headers['x-injected']).toBeUndefined();
  });

  it('refuses a bad or expired signature with 401 and stores nothing', async () => {
    const path = `${h.accountPath}/forms/bad/`;
    const wrong = await post(path, { fields: signedFields(path, { key: 'not-the-key' }), files: [{ name: 'f', filename: 'x.txt', body: 'x' }] }).expect(401);
    expect(wrong.text).toBe('FormPost: Invalid Signature');
    const tampered = signedFields(path).map(([n, v]): [string, string] => (n === 'max_file_size' ? [n, '999999'] : [n, v]));
    await post(path, { fields: tampered, files: [{ name: 'f', filename: 'x.txt', body: 'x' }] }).expect(401);
    const expired = await post(path, { fields: signedFields(path, { expires: 1000 }), files: [{ name: 'f', filename: 'x.txt', body: 'x' }] }).expect(401);
    expect(expired.text).toBe('FormPost: Form Expired');
    // Signed for another path (prefix) than the one posted to.
    await post(`${h.accountPath}/forms/other/`, { fields: signedFields(path), files: [{ name: 'f', filename: 'x.txt', body: 'x' }] }).expect(401);
    expect(await status('bad/x.txt')).toBe(404);
    expect(await status('other/x.txt')).toBe(404);
  });

  it('enforces max_file_count and max_file_size as Swift does', async () => {
    const path = `${h.accountPath}/forms/lim/`;
    const many = await post(path, {
      fields: signedFields(path, { maxFileCount: 1 }),
      files: [
        { name: 'f1', filename: 'one.txt', body: '1' },
        { name: 'f2', filename: 'two.txt', body: '2' },
      ],
    }).expect(400);
    expect(many.text).toBe('400 Bad Request\r\nFormPost: Max File Count Exceeded');
    expect(await read('lim/one.txt')).toBe('1');
    expect(await status('lim/two.txt')).toBe(404);

    const big = await post(path, { fields: signedFields(path, { maxFileSize: 10 }), files: [{ name: 'f', filename: 'big.bin', body: Buffer.alloc(200_000, 7) }] }).expect(400);
    expect(big.text).toBe('FormPost: max_file_size exceeded');
    expect(await status('lim/big.bin')).toBe(404);
    await post(path, { fields: signedFields(path, { maxFileSize: 10 }), files: [{ name: 'f', filename: 'exact.bin', body: Buffer.alloc(10, 7) }] }).expect(201);
  });

  it('answers 400 for a form without files, with limits that are not integers, or a broken body', async () => {
    const path = `${h.accountPath}/forms/empty/`;
    const none = await post(path, { fields: signedFields(path), files: [] }).expect(400);
    expect(none.text).toBe('400 Bad Request\r\nFormPost: No Files To Process');
    const fields = signedFields(path).map(([n, v]): [string, string] => (n === 'max_file_size' ? [n, 'lots'] : [n, v]));
    const notInt = await post(path, { fields, files: [{ name: 'f', filename: 'x', body: 'x' }] }).expect(400);
    expect(notInt.text).toBe('FormPost: max_file_size not an integer');
    const truncated = multipart({ fields: signedFields(path), files: [{ name: 'f', filename: 'cut.txt', body: 'unterminated' }] });
    const broken = await request(h.url)
      .post(path)
      .set('Content-Type', `multipart/form-data; boundary=${BOUNDARY}`)
      .send(truncated.subarray(0, truncated.length - BOUNDARY.length - 8))
      .expect(400);
    expect(broken.text).toBe('FormPost: invalid starting boundary');
    expect(await status('empty/cut.txt')).toBe(404);
  });

  it('a FormPost to a container that does not exist is a 404 status once the signature is checked', async () => {
    const path = `${h.accountPath}/missing-container`;
    const res = await post(path, { fields: signedFields(path), files: [{ name: 'f', filename: 'x', body: 'x' }] }).expect(404);
    expect(res.text).toBe('404 Not Found');
    await post(path, { fields: signedFields(path, { key: 'nope' }), files: [{ name: 'f', filename: 'x', body: 'x' }] }).expect(401);
  });

  it('a container POST that is not multipart/form-data still updates metadata', async () => {
    await request(h.url).post(`${h.accountPath}/forms`).set(auth()).set('X-Container-Meta-Kind', 'uploads').expect(204);
  });
});
