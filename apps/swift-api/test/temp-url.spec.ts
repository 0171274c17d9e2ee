// Swift TempURL and the KakaoCloud `?temp_url` issue call, on the wire. Signatures are made as
// python-swiftclient's generate_temp_url makes them (HMAC-SHA256 hex of METHOD\nEXPIRES\nPATH).
import { createHmac } from 'node:crypto';
import request from 'supertest';
import { startSwiftHarness, SwiftHarness } from './swift-harness';

/** swiftclient.utils.generate_temp_url(path, seconds, key, method, absolute=True, prefix, ip_range, digest='sha256'). */
function swiftclientTempUrl(path: string, expires: number, key: string, method: string, options: { prefix?: boolean; ipRange?: string; digest?: string } = {}): string {
  const parts = [method.toUpperCase(), String(expires), (options.prefix ? 'prefix:' : '') + path];
  if (options.ipRange) parts.unshift(`ip=${options.ipRange}`);
  const sig = createHmac(options.digest ?? 'sha256', key).update(parts.join('\n')).digest('hex');
  let url = `${path}?temp_url_sig=${sig}&temp_url_expires=${expires}`;
  if (options.ipRange) url += `&temp_url_ip_range=${encodeURIComponent(options.ipRange)}`;
  if (options.prefix) url += `&temp_url_prefix=${encodeURIComponent(path.split('/').slice(4).join('/'))}`;
  return url;
}

const later = () => Math.floor(Date.now() / 1000) + 300;

describe('Swift temp URLs', () => {
  let h: SwiftHarness;
  beforeAll(async () => {
    h = await startSwiftHarness();
    await request(h.url).put(`${h.accountPath}/cont`).set(auth()).expect(201);
    await request(h.url)
      .put(`${h.accountPath}/cont/dir/o.txt`)
      .set(auth())
      .set('X-Object-Meta-Secret', 's3cr3t')
      .set('X-Object-Meta-Public-Color', 'blue')
      .send('temp url body')
      .expect(201);
  });
  afterAll(() => h?.close());
  const auth = () => ({ 'X-Auth-Token': h.token });

  it('issues {"url","sig"} with a Temp-URL-Key it creates once, and the URL downloads without a token', async () => {
    const expires = later();
    const issued = await request(h.url).get(`${h.accountPath}/cont/dir/o.txt?temp_url&temp_url_expires=${expires}`).set(auth()).expect(200);
    expect(issued.headers['content-type']).toMatch(/^application\/json/);
    expect(issued.body).toEqual({ url: `/v1/${h.world.accountId}/cont/dir/o.txt?temp_url_sig=${issued.body.sig}&temp_url_expires=${expires}`, sig: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const account = await request(h.url).head(h.accountPath).set(auth()).expect(204);
    const key = account.headers['x-account-meta-temp-url-key'];
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(issued.body.sig).toBe(createHmac('sha256', key).update(`GET\n${expires}\n/v1/${h.world.accountId}/cont/dir/o.txt`).digest('hex'));

    const again = await request(h.url).get(`${h.accountPath}/cont/dir/o.txt?temp_url&temp_url_expires=${expires}`).set(auth()).expect(200);
    expect(again.body.sig).toBe(issued.body.sig);

    const got = await request(h.url).get(issued.body.url).expect(200);
    expect(got.text).toBe('temp url body');
    expect(got.headers['content-disposition']).toBe(`attachment; filename="o.txt"; filename*=UTF-8''o.txt`);
  });

  it('refuses to issue without a token (401), for a bad or past temp_url_expires (400), or for a missing container (404)', async () => {
    await request(h.url).get(`${h.accountPath}/cont/dir/o.txt?temp_url&temp_url_expires=${later()}`).expect(401);
    for (const bad of ['', 'soon', '1.5', '-4', String(Math.floor(Date.now() / 1000) - 10)]) {
      await request(h.url).get(`${h.accountPath}/cont/dir/o.txt?temp_url&temp_url_expires=${bad}`).set(auth()).expect(400);
    }
    await request(h.url).get(`${h.accountPath}/cont/dir/o.txt?temp_url`).set(auth()).expect(400);
    await request(h.url).get(`${h.accountPath}/nope/o.txt?temp_url&temp_url_expires=${later()}`).set(auth()).expect(404);
    // Even where a read ACL lets anonymous callers read, issuing needs a token.
    await request(h.url).put(`${h.accountPath}/open`).set(auth()).set('X-Container-Read', '.r:*').expect(201);
    await request(h.url).get(`${h.accountPath}/open/o.txt?temp_url&temp_url_expires=${later()}`).expect(401);
  });

  describe('standard Swift TempURL with the account key set by POST', () => {
    const KEY = 'account-key-1';
    const path = () => `${h.accountPath}/cont/dir/o.txt`;
    beforeAll(async () => {
      await request(h.url).post(h.accountPath).set(auth()).set('X-Account-Meta-Temp-URL-Key', KEY).expect(204);
    });

    it('GET and HEAD with a swiftclient signature; x-object-meta-* hidden except public ones', async () => {
      const url = swiftclientTempUrl(path(), later(), KEY, 'GET');
      const got = await request(h.url).get(url).expect(200);
      expect(got.text).toBe('temp url body');
      expect(got.headers['x-object-meta-public-color']).toBe('blue');
      expect(got.headers['x-object-meta-secret']).toBeUndefined();
      const head = await request(h.url).head(url).expect(200);
      expect(head.headers['content-length']).toBe('13');
      expect(head.headers['x-object-meta-secret']).toBeUndefined();
      // sha1 and sha512 signatures open the same object.
      await request(h.url).get(swiftclientTempUrl(path(), later(), KEY, 'GET', { digest: 'sha1' })).expect(200);
      await request(h.url).get(swiftclientTempUrl(path(), later(), KEY, 'GET', { digest: 'sha512' })).expect(200);
    });

    it('answers 403 for a tampered, expired or misapplied URL, whatever token comes with it', async () => {
      const expires = later();
      const url = swiftclientTempUrl(path(), expires, KEY, 'GET');
      await request(h.url).get(url.replace(/temp_url_sig=./, 'temp_url_sig=0')).expect(403);
      await request(h.url).get(url.replace(`temp_url_expires=${expires}`, `temp_url_expires=${expires + 1}`)).expect(403);
      await request(h.url).get(swiftclientTempUrl(path(), Math.floor(Date.now() / 1000) - 1, KEY, 'GET')).expect(403);
      await request(h.url).get(swiftclientTempUrl(path(), expires, 'wrong-key', 'GET')).expect(403);
      await request(h.url).put(url).send('overwrite').expect(403);
      await request(h.url).delete(url).expect(403);
      await request(h.url).get(url.replace('/dir/o.txt', '/dir/other.txt')).expect(403);
      await request(h.url).get(`${path()}?temp_url_expires=${expires}`).expect(403);
      await request(h.url).get(url.replace(/temp_url_sig=./, 'temp_url_sig=0')).set(auth()).expect(403);
      const listing = swiftclientTempUrl(`${h.accountPath}/cont`, expires, KEY, 'GET');
      await request(h.url).get(listing).expect(403);
    });

    it('filename= and inline set Content-Disposition per RFC 6266 / 5987', async () => {
      const url = swiftclientTempUrl(path(), later(), KEY, 'GET');
      const named = await request(h.url).get(`${url}&filename=${encodeURIComponent('보고서 "final".txt')}`).expect(200);
      expect(named.headers['content-disposition']).toBe(
        `attachment; filename="___ \\"final\\".txt"; filename*=UTF-8''${encodeURIComponent('보고서')}%20%22final%22.txt`,
      );
      const inline = await request(h.url).get(`${url}&inline`).expect(200);
      expect(inline.headers['content-disposition']).toBe('inline');
      const inlineNamed = await request(h.url).get(`${url}&inline&filename=a.txt`).expect(200);
      expect(inlineNamed.headers['content-disposition']).toBe(`inline; filename="a.txt"; filename*=UTF-8''a.txt`);
    });

    it('PUT and DELETE temp URLs write and remove the object; manifests are refused', async () => {
      const target = `${h.accountPath}/cont/uploaded.bin`;
      await request(h.url).put(swiftclientTempUrl(target, later(), KEY, 'PUT')).send('via temp url').expect(201);
      const back = await request(h.url).get(target).set(auth()).expect(200);
      expect(back.text).toBe('via temp url');
      await request(h.url).head(swiftclientTempUrl(target, later(), KEY, 'PUT')).expect(200);
      const manifest = await request(h.url).put(swiftclientTempUrl(target, later(), KEY, 'PUT')).set('X-Object-Manifest', 'c/seg').send('').expect(400);
      expect(manifest.text).toBe("The header 'X-Object-Manifest' is not allowed in this tempurl");
      await request(h.url).delete(swiftclientTempUrl(target, later(), KEY, 'DELETE')).expect(204);
      await request(h.url).get(target).set(auth()).expect(404);
    });

    it('prefix URLs open every object under the prefix; IP-restricted URLs only from their range', async () => {
      const prefixUrl = swiftclientTempUrl(`${h.accountPath}/cont/dir/`, later(), KEY, 'GET', { prefix: true });
      const [, query] = prefixUrl.split('?');
      await request(h.url).get(`${h.accountPath}/cont/dir/o.txt?${query}`).expect(200);
      await request(h.url).get(`${h.accountPath}/cont/uploaded.bin?${query}`).expect(403);
      await request(h.url).get(swiftclientTempUrl(path(), later(), KEY, 'GET', { ipRange: '127.0.0.0/8' })).expect(200);
      await request(h.url).get(swiftclientTempUrl(path(), later(), KEY, 'GET', { ipRange: '10.0.0.0/8' })).expect(403);
    });

    it('shows the keys only to callers who may administer: a reader sees neither', async () => {
      await request(h.url).post(`${h.accountPath}/cont`).set(auth()).set('X-Container-Meta-Temp-URL-Key', 'shown-to-owners').expect(204);
      const reader = await h.world.identity.createUser({ accountId: h.world.accountId, name: 'reader', role: 'reader' });
      const readerToken = (await h.world.tokens.issue({ userId: reader.id, kind: 'auth', ttlSeconds: 600 })).token;
      const byReader = await request(h.url).get(h.accountPath).set('X-Auth-Token', readerToken).expect(200);
      expect(byReader.headers['x-account-meta-temp-url-key']).toBeUndefined();
      const containerByReader = await request(h.url).head(`${h.accountPath}/cont`).set('X-Auth-Token', readerToken).expect(204);
      expect(containerByReader.headers['x-container-meta-temp-url-key']).toBeUndefined();
      expect((await request(h.url).head(h.accountPath).set(auth()).expect(204)).headers['x-account-meta-temp-url-key']).toBe(KEY);
      expect((await request(h.url).get(`${h.accountPath}/cont`).set(auth()).expect(200)).headers['x-container-meta-temp-url-key']).toBe('shown-to-owners');
      await request(h.url).post(`${h.accountPath}/cont`).set(auth()).set('X-Remove-Container-Meta-Temp-URL-Key', 'x').expect(204);
    });

    it('answers 403 for a temp URL into an account that does not exist', async () => {
      await request(h.url).get(swiftclientTempUrl(`/v1/AUTH_${'f'.repeat(32)}/cont/o`, later(), KEY, 'GET')).expect(403);
    });

    it('checks Temp-URL-Key-2 and the container keys too', async () => {
      await request(h.url).post(h.accountPath).set(auth()).set('X-Account-Meta-Temp-URL-Key-2', 'second').expect(204);
      await request(h.url).get(swiftclientTempUrl(path(), later(), 'second', 'GET')).expect(200);
      await request(h.url).post(`${h.accountPath}/cont`).set(auth()).set('X-Container-Meta-Temp-URL-Key', 'container-key').expect(204);
      await request(h.url).get(swiftclientTempUrl(path(), later(), 'container-key', 'GET')).expect(200);
      await request(h.url).post(`${h.accountPath}/cont`).set(auth()).set('X-Remove-Container-Meta-Temp-URL-Key', 'x').expect(204);
      await request(h.url).get(swiftclientTempUrl(path(), later(), 'container-key', 'GET')).expect(403);
    });
  });
});
