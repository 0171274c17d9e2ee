// Expect: 100-continue on the Swift wire, as Swift's proxy answers it: an upload that will be
// accepted gets `100 Continue` and then 201; one refused by authentication (401), the access
// decision (403) or a missing container (404) gets the final answer without 100, so the client
// never sends the body. Temp URL uploads and FormPost forms (signed in the body) still work.
import { createHmac } from 'node:crypto';
import request from 'supertest';
import { sendExpectingContinue } from '@gw/http/testing';
import { startSwiftHarness, SwiftHarness } from './swift-harness';

const KEY = 'continue-key';

describe('Swift wire: Expect: 100-continue', () => {
  let h: SwiftHarness;
  const server = () => ({ host: '127.0.0.1', port: Number(new URL(h.url).port) });
  const auth = () => ({ 'X-Auth-Token': h.token });
  const BODY = Buffer.alloc(256 * 1024, 's');
  const put = (path: string, headers: Record<string, string>, body: Buffer = BODY) => sendExpectingContinue(server(), { method: 'PUT', path, headers, body });
  const stored = async (path: string) => (await request(h.url).head(path).set(auth())).status;

  beforeAll(async () => {
    h = await startSwiftHarness();
    await request(h.url).put(`${h.accountPath}/cont`).set(auth()).expect(201);
    await request(h.url).post(h.accountPath).set(auth()).set('X-Account-Meta-Temp-URL-Key', KEY).expect(204);
  });
  afterAll(() => h?.close());

  it('an authorized PUT gets 100 Continue, then 201, and the object is stored', async () => {
    const res = await put(`${h.accountPath}/cont/ok.bin`, auth());
    expect(res).toMatchObject({ continued: true, status: 201, closedByServer: false });
    expect((await request(h.url).get(`${h.accountPath}/cont/ok.bin`).set(auth()).responseType('blob').expect(200)).body.length).toBe(BODY.length);
  });

  it('a bad token is 401 without 100, and the connection is closed', async () => {
    const res = await put(`${h.accountPath}/cont/anon.bin`, { 'X-Auth-Token': 'not-a-token' });
    expect(res).toMatchObject({ continued: false, status: 401, closedByServer: true });
    expect(res.headers.connection).toBe('close');
    expect(await stored(`${h.accountPath}/cont/anon.bin`)).toBe(404);
  });

  it('a user without write permission is 403 without 100', async () => {
    const reader = await h.world.identity.createUser({ accountId: h.world.accountId, name: 'continue-reader', role: 'reader' });
    const token = (await h.world.tokens.issue({ userId: reader.id, kind: 'auth', ttlSeconds: 600 })).token;
    const res = await put(`${h.accountPath}/cont/denied.bin`, { 'X-Auth-Token': token });
    expect(res).toMatchObject({ continued: false, status: 403, closedByServer: true });
    expect(await stored(`${h.accountPath}/cont/denied.bin`)).toBe(404);
  });

  it('a missing container is 404 without 100', async () => {
    const res = await put(`${h.accountPath}/nowhere/x.bin`, auth());
    expect(res).toMatchObject({ continued: false, status: 404, closedByServer: true });
  });

  it('a temp URL PUT gets 100 Continue and stores the body; a bad signature is refused (403) without 100', async () => {
    const path = `${h.accountPath}/cont/temp.bin`;
    const expires = Math.floor(Date.now() / 1000) + 300;
    const sig = createHmac('sha256', KEY).update(`PUT\n${expires}\n${path}`).digest('hex');
    const forged = await put(`${path}?temp_url_sig=${'0'.repeat(64)}&temp_url_expires=${expires}`, {});
    expect(forged).toMatchObject({ continued: false, status: 403 });
    const res = await put(`${path}?temp_url_sig=${sig}&temp_url_expires=${expires}`, {});
    expect(res).toMatchObject({ continued: true, status: 201 });
    expect(await stored(path)).toBe(200);
  });

  it('a FormPost form gets 100 Continue (it is signed in the body) and is stored', async () => {
    const boundary = '----continue-formpost';
    const prefix = `${h.accountPath}/cont/form/`;
    const expires = String(Math.floor(Date.now() / 1000) + 600);
    const signature = createHmac('sha1', KEY).update(`${prefix}\n\n1024\n1\n${expires}`).digest('hex');
    const fields = { redirect: '', max_file_size: '1024', max_file_count: '1', expires, signature };
    const form = Buffer.from(
      Object.entries(fields).map(([n, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${n}"\r\n\r\n${v}\r\n`).join('') +
        `--${boundary}\r\nContent-Disposition: form-data; name="file1"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nform body\r\n--${boundary}--\r\n`,
    );
    const res = await sendExpectingContinue(server(), { method: 'POST', path: prefix, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body: form });
    expect(res).toMatchObject({ continued: true, status: 201 });
    expect((await request(h.url).get(`${prefix}a.txt`).set(auth()).expect(200)).text).toBe('form body');
  });
});
