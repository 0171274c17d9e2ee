import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import request from 'supertest';
import { startSwiftHarness, SwiftHarness } from './swift-harness';

const md5 = (data: Buffer | string) => createHash('md5').update(data).digest('hex');
describe('Swift large objects (SLO, DLO) and the multipart extension', () => {
  let h: SwiftHarness;
  beforeAll(async () => {
    h = await startSwiftHarness();
    for (const c of ['big', 'segs', 'dlo', 'mpu']) await request(h.url).put(`${h.accountPath}/${c}`).set(auth()).expect(201);
  });
  afterAll(() => h?.close());
  const auth = () => ({ 'X-Auth-Token': h.token });
  const path = (p: string) => `${h.accountPath}/${p}`;
  const putObject = async (p: string, body: Buffer | string) => (await request(h.url).put(path(p)).set(auth()).set('Content-Type', 'application/octet-stream').send(body).expect(201)).headers.etag as string;
  const get = (p: string) =>
    request(h.url)
      .get(path(p))
      .set(auth())
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });

  /** A PUT over a plain socket, for bodies supertest cannot frame (a lying Content-Length, chunked). */
  const rawPut = (p: string, headers: Record<string, string>, body: Buffer) =>
    new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const req = http.request(`${h.url}${path(p)}`, { method: 'PUT', headers: { ...auth(), ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body: Buffer.concat(chunks).toString() }));
      });
      // The server may answer and close before the whole body is sent; only the answer matters.
      req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
      if (body.length > 0) req.write(body);
      if (headers['Transfer-Encoding']) req.end();
      else req.flushHeaders();
    });

  describe('SLO', () => {
    it('stores a manifest over segments in other containers, reads it whole and in ranges, answers the manifest', async () => {
      const e1 = await putObject('segs/1', 'hello ');
      const e2 = await putObject('segs/2', 'world');
      const manifest = [
        { path: 'segs/1', etag: e1, size_bytes: 6 },
        { path: '/segs/2', etag: e2, size_bytes: 5 },
      ];
      const put = await request(h.url)
        .put(path('big/slo?multipart-manifest=put'))
        .set(auth())
        .set('Content-Type', 'text/plain')
        .set('X-Object-Meta-Color', 'red')
        .send(JSON.stringify(manifest))
        .expect(201);
      const sloEtag = md5(e1 + e2);
      expect(put.headers.etag).toBe(`"${sloEtag}"`);

      const whole = await get('big/slo').expect(200);
      expect(whole.body.toString()).toBe('hello world');
      expect(whole.headers).toMatchObject({ etag: `"${sloEtag}"`, 'x-static-large-object': 'True', 'content-length': '11', 'content-type': 'text/plain', 'x-object-meta-color': 'red' });
      const ranged = await get('big/slo').set('Range', 'bytes=4-7').expect(206);
      expect(ranged.body.toString()).toBe('o wo');
      expect(ranged.headers['content-range']).toBe('bytes 4-7/11');
      // slo.py answers a range with the SLO's own ETag (quoted), as the whole object.
      expect(ranged.headers).toMatchObject({ etag: `"${sloEtag}"`, 'x-static-large-object': 'True', 'content-length': '4' });
      const head = await request(h.url).head(path('big/slo')).set(auth()).expect(200);
      expect(head.headers).toMatchObject({ 'x-static-large-object': 'True', 'content-length': '11' });

      const stored = await request(h.url).get(path('big/slo?multipart-manifest=get')).set(auth()).expect(200);
      expect(stored.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(stored.body).toEqual([
        expect.objectContaining({ name: '/segs/1', bytes: 6, hash: e1, content_type: 'application/octet-stream' }),
        expect.objectContaining({ name: '/segs/2', bytes: 5, hash: e2 }),
      ]);
      expect(stored.text).toMatch(/^\[\{"name": "\/segs\/1", "bytes": 6, /);
      const raw = await request(h.url).get(path('big/slo?multipart-manifest=get&format=raw')).set(auth()).expect(200);
      expect(raw.body).toEqual([
        { path: '/segs/1', etag: e1, size_bytes: 6 },
        { path: '/segs/2', etag: e2, size_bytes: 5 },
      ]);
      // The raw form goes back in as a manifest.
      await request(h.url).put(path('big/slo2?multipart-manifest=put')).set(auth()).send(raw.text).expect(201);
      expect((await get('big/slo2').expect(200)).body.toString()).toBe('hello world');

      const listing = await request(h.url).get(path('big?format=json')).set(auth()).expect(200);
      expect(listing.body.find((o: { name: string }) => o.name === 'slo')).toMatchObject({ bytes: 11 });
    });

    it("refuses bad manifests with Swift's 400 texts and creates nothing", async () => {
      const e = await putObject('segs/a', 'aaaa');
      const missing = await request(h.url)
        .put(path('big/bad?multipart-manifest=put'))
        .set(auth())
        .send(JSON.stringify([{ path: 'segs/nope' }, { path: 'segs/a', etag: md5('x') }, { path: 'segs/a', etag: e, size_bytes: 3 }]))
        .expect(400);
      expect(missing.headers['content-type']).toMatch(/^text\/plain/);
      expect(missing.text).toBe('Errors:\nsegs/nope, 404 Not Found\nsegs/a, Etag Mismatch\nsegs/a, Size Mismatch\n');
      const asJson = await request(h.url).put(path('big/bad?multipart-manifest=put')).set(auth()).set('Accept', 'application/json').send(JSON.stringify([{ path: 'segs/nope' }])).expect(400);
      expect(asJson.body).toEqual({ Errors: [['segs/nope', '404 Not Found']] });

      const notJson = await request(h.url).put(path('big/bad?multipart-manifest=put')).set(auth()).send('{oops').expect(400);
      expect(notJson.text).toBe('Manifest must be valid JSON.\n');
      const notList = await request(h.url).put(path('big/bad?multipart-manifest=put')).set(auth()).send('{}').expect(400);
      expect(notList.text).toBe('Manifest must be a list.\n');
      await request(h.url).head(path('big/bad')).set(auth()).expect(404);
    });

    it("answers manifests over the limits with 413 and slo.py's text, creating nothing", async () => {
      const tooMany = Array.from({ length: 1001 }, () => ({ path: 'segs/a' }));
      const many = await request(h.url).put(path('big/huge?multipart-manifest=put')).set(auth()).send(JSON.stringify(tooMany)).expect(413);
      expect(many.headers['content-type']).toMatch(/^text\/plain/);
      expect(many.text).toBe('Number of object-backed segments must be <= 1000');

      // A declared length over 8 MiB is refused before the body is read ...
      const declared = await rawPut('big/huge?multipart-manifest=put', { 'Content-Length': String(8 * 1024 * 1024 + 1) }, Buffer.alloc(0));
      expect(declared).toEqual({ status: 413, type: expect.stringMatching(/^text\/plain/), body: 'Manifest File > 8388608 bytes' });
      // ... and a chunked body as soon as it passes 8 MiB.
      const chunked = await rawPut('big/huge?multipart-manifest=put', { 'Transfer-Encoding': 'chunked' }, Buffer.alloc(8 * 1024 * 1024 + 1, 0x20));
      expect(chunked).toMatchObject({ status: 413, body: 'Manifest File > 8388608 bytes' });
      await request(h.url).head(path('big/huge')).set(auth()).expect(404);
    });

    it('stores X-Delete-At / X-Delete-After of the manifest PUT, refusing a past one', async () => {
      const e = await putObject('segs/exp', 'expiring');
      const before = Math.floor(Date.now() / 1000);
      const manifest = JSON.stringify([{ path: 'segs/exp', etag: e }]);
      await request(h.url).put(path('big/expiring?multipart-manifest=put')).set(auth()).set('X-Delete-After', '3600').send(manifest).expect(201);
      const at = Number((await request(h.url).head(path('big/expiring')).set(auth()).expect(200)).headers['x-delete-at']);
      expect(at).toBeGreaterThanOrEqual(before + 3600);
      expect(at).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 3600);

      const past = await request(h.url).put(path('big/past?multipart-manifest=put')).set(auth()).set('X-Delete-At', String(before - 10)).send(manifest).expect(400);
      expect(past.text).toBe('X-Delete-At in past');
      await request(h.url).head(path('big/past')).set(auth()).expect(404);
    });

    it('deletes segments then the manifest with ?multipart-manifest=delete, a plain object alone', async () => {
      const e1 = await putObject('segs/d1', 'one');
      const e2 = await putObject('segs/d2', 'two');
      await request(h.url).put(path('big/gone?multipart-manifest=put')).set(auth()).send(JSON.stringify([{ path: 'segs/d1', etag: e1 }, { path: 'segs/d2', etag: e2 }])).expect(201);
      const res = await request(h.url).delete(path('big/gone?multipart-manifest=delete')).set(auth()).set('Accept', 'application/json').expect(200);
      expect(res.body).toEqual({ 'Response Status': '200 OK', 'Response Body': '', 'Number Deleted': 3, 'Number Not Found': 0, Errors: [] });
      for (const p of ['segs/d1', 'segs/d2', 'big/gone']) await request(h.url).head(path(p)).set(auth()).expect(404);

      await putObject('big/plain', 'p');
      const plain = await request(h.url).delete(path('big/plain?multipart-manifest=delete')).set(auth()).expect(200);
      expect(plain.text).toBe('Number Deleted: 1\nNumber Not Found: 0\nResponse Body: \nResponse Status: 200 OK\nErrors:\n');
    });

    it('keeps the manifest through a metadata POST', async () => {
      const e = await putObject('segs/p', 'post');
      await request(h.url).put(path('big/posted?multipart-manifest=put')).set(auth()).send(JSON.stringify([{ path: 'segs/p', etag: e }])).expect(201);
      await request(h.url).post(path('big/posted')).set(auth()).set('X-Object-Meta-K', 'v').expect(202);
      const res = await get('big/posted').expect(200);
      expect(res.body.toString()).toBe('post');
      expect(res.headers).toMatchObject({ 'x-static-large-object': 'True', 'x-object-meta-k': 'v' });
      // Swift's slo middleware answers before dlo's: an X-Object-Manifest does not turn an SLO into a DLO.
      await request(h.url).post(path('big/posted')).set(auth()).set('X-Object-Manifest', 'segs/movie/').expect(202);
      const still = await get('big/posted').expect(200);
      expect(still.body.toString()).toBe('post');
      expect(still.headers['x-object-manifest']).toBeUndefined();
    });
  });

  describe('DLO', () => {
    it('reads the segments under the prefix in name order, as they are now', async () => {
      await request(h.url).put(path('dlo/movie')).set(auth()).set('X-Object-Manifest', 'segs/movie/').send('').expect(201);
      const e2 = await putObject('segs/movie/002', 'BBB');
      const e1 = await putObject('segs/movie/001', 'AA');
      const res = await get('dlo/movie').expect(200);
      expect(res.body.toString()).toBe('AABBB');
      expect(res.headers).toMatchObject({ etag: `"${md5(e1 + e2)}"`, 'x-object-manifest': 'segs/movie/', 'content-length': '5' });
      const ranged = await get('dlo/movie').set('Range', 'bytes=1-3').expect(206);
      expect(ranged.body.toString()).toBe('ABB');
      expect(ranged.headers.etag).toBe(`"${md5(e1 + e2)}"`);
      const head = await request(h.url).head(path('dlo/movie')).set(auth()).expect(200);
      expect(head.headers).toMatchObject({ 'content-length': '5', 'x-object-manifest': 'segs/movie/' });
      await putObject('segs/movie/003', 'C');
      expect((await get('dlo/movie').expect(200)).body.toString()).toBe('AABBBC');
      // The manifest object itself.
      const own = await get('dlo/movie?multipart-manifest=get').expect(200);
      expect(own.headers['content-length']).toBe('0');
      expect(own.headers.etag).toBe(`"${md5('')}"`);
      await request(h.url).post(path('dlo/movie')).set(auth()).set('X-Object-Meta-K', 'v').expect(202);
      expect((await get('dlo/movie').expect(200)).body.toString()).toBe('AABBBC');
    });

    it('serves a public DLO to anonymous callers only when its segments container is readable too', async () => {
      await request(h.url).put(path('public')).set(auth()).set('X-Container-Read', '.r:*').expect(201);
      await putObject('public/parts/1', 'open ');
      await putObject('segs/hidden/1', 'secret');
      await request(h.url).put(path('public/same')).set(auth()).set('X-Object-Manifest', 'public/parts/').send('').expect(201);
      await request(h.url).put(path('public/leak')).set(auth()).set('X-Object-Manifest', 'segs/hidden/').send('').expect(201);
      expect((await request(h.url).get(path('public/same')).expect(200)).text).toBe('open ');
      await request(h.url).get(path('public/leak')).expect(403);
      await request(h.url).head(path('public/leak')).expect(403);
    });

    it('repoints a DLO (or makes one of a plain object) with a POST X-Object-Manifest; keeps it without', async () => {
      await putObject('segs/one/1', 'ONE');
      await putObject('segs/two/1', 'TWO');
      await request(h.url).put(path('dlo/switch')).set(auth()).set('X-Object-Manifest', 'segs/one/').send('').expect(201);
      expect((await get('dlo/switch').expect(200)).body.toString()).toBe('ONE');

      await request(h.url).post(path('dlo/switch')).set(auth()).set('X-Object-Manifest', 'segs/two/').expect(202);
      const moved = await get('dlo/switch').expect(200);
      expect(moved.body.toString()).toBe('TWO');
      expect(moved.headers['x-object-manifest']).toBe('segs/two/');
      // Without the header the object stays the DLO it is (Ceph RGW; Swift's fast-POST would drop it).
      await request(h.url).post(path('dlo/switch')).set(auth()).set('X-Object-Meta-K', 'v').expect(202);
      const kept = await get('dlo/switch').expect(200);
      expect(kept.body.toString()).toBe('TWO');
      expect(kept.headers).toMatchObject({ 'x-object-manifest': 'segs/two/', 'x-object-meta-k': 'v' });
      // A bad value is 400 and changes nothing, metadata included.
      const bad = await request(h.url).post(path('dlo/switch')).set(auth()).set('X-Object-Manifest', 'nocontainer').set('X-Object-Meta-K', 'w').expect(400);
      expect(bad.text).toBe('X-Object-Manifest must be in the format container/prefix');
      expect((await get('dlo/switch').expect(200)).headers).toMatchObject({ 'x-object-manifest': 'segs/two/', 'x-object-meta-k': 'v' });

      await putObject('dlo/plain', 'plain bytes');
      await request(h.url).post(path('dlo/plain')).set(auth()).set('X-Object-Manifest', 'segs/one/').expect(202);
      expect((await get('dlo/plain').expect(200)).body.toString()).toBe('ONE');
    });

    it('stores X-Delete-At / X-Delete-After of the DLO manifest PUT', async () => {
      const at = Math.floor(Date.now() / 1000) + 7200;
      await request(h.url).put(path('dlo/expiring')).set(auth()).set('X-Object-Manifest', 'segs/one/').set('X-Delete-At', String(at)).send('').expect(201);
      expect((await request(h.url).head(path('dlo/expiring')).set(auth()).expect(200)).headers['x-delete-at']).toBe(String(at));
      await request(h.url).put(path('dlo/after')).set(auth()).set('X-Object-Manifest', 'segs/one/').set('X-Delete-After', '60').send('').expect(201);
      expect(Number((await request(h.url).head(path('dlo/after')).set(auth()).expect(200)).headers['x-delete-at'])).toBeGreaterThan(Date.now() / 1000);
      await request(h.url).put(path('dlo/never')).set(auth()).set('X-Object-Manifest', 'segs/one/').set('X-Delete-After', 'soon').send('').expect(400);
      await request(h.url).head(path('dlo/never')).set(auth()).expect(404);
    });

    it('refuses a bad X-Object-Manifest with 400', async () => {
      for (const value of ['nocontainer', '/prefix', 'c/', 'c/p?x=1']) {
        await request(h.url).put(path('dlo/bad')).set(auth()).set('X-Object-Manifest', value).send('').expect(400);
      }
      await request(h.url).head(path('dlo/bad')).set(auth()).expect(404);
    });
  });

  describe('multipart extension', () => {
    it('initiates, uploads parts, lists, completes with the S3 ETag; aborts', async () => {
      const init = await request(h.url).post(path('mpu/file.bin?uploads')).set(auth()).expect(201);
      expect(init.headers['content-type']).toMatch(/^application\/xml/);
      const uploadId = /<UploadId>([^<]+)<\/UploadId>/.exec(init.text)![1];
      expect(init.text).toContain(`<Tenant>${h.world.accountId}</Tenant><Bucket>mpu</Bucket><Key>file.bin</Key>`);
      const parts = [randomBytes(5 * 1024 * 1024), Buffer.from('the end')];
      const etags: string[] = [];
      for (const [i, data] of parts.entries()) {
        const res = await request(h.url).put(path(`mpu/file.bin?uploadId=${uploadId}&partNumber=${i + 1}`)).set(auth()).send(data).expect(200);
        expect(res.headers.etag).toBe(`"${md5(data)}"`);
        etags.push(res.headers.etag);
      }
      const listed = await request(h.url).get(path(`mpu/file.bin?uploadId=${uploadId}`)).set(auth()).expect(200);
      expect(listed.text.match(/<PartNumber>/g)).toHaveLength(2);
      const xml = `<?xml version="1.0" encoding="UTF-8"?><CompleteMultipartUpload>${etags.map((e, i) => `<Part><ETag>${e}</ETag><PartNumber>${i + 1}</PartNumber></Part>`).join('')}</CompleteMultipartUpload>`;
      const done = await request(h.url).put(path(`mpu/file.bin?uploadId=${uploadId}`)).set(auth()).set('Content-Type', 'application/xml').send(xml).expect(201);
      const expected = md5(Buffer.concat(parts.map((p) => createHash('md5').update(p).digest()))) + '-2';
      expect(done.text).toContain(`<ETag>&quot;${expected}&quot;</ETag>`.replace(/&quot;/g, '"'));
      const got = await get('mpu/file.bin').expect(200);
      expect(md5(got.body)).toBe(md5(Buffer.concat(parts)));
      expect(got.headers.etag).toBe(expected);
      // As Ceph RGW's Swift API: an S3-style multipart object is no SLO (no X-Static-Large-Object).
      expect(got.headers['x-static-large-object']).toBeUndefined();

      const other = /<UploadId>([^<]+)<\/UploadId>/.exec((await request(h.url).post(path('mpu/x?uploads')).set(auth()).expect(201)).text)![1];
      await request(h.url).delete(path(`mpu/x?uploadId=${other}`)).set(auth()).expect(204);
      await request(h.url).get(path(`mpu/x?uploadId=${other}`)).set(auth()).expect(404);
      await request(h.url).put(path(`mpu/x?uploadId=${other}`)).set(auth()).send(xml).expect(404);
      await request(h.url).put(path(`mpu/x?uploadId=${other}`)).set(auth()).send('<nope').expect(400);
      await request(h.url).put(path(`mpu/x?uploadId=${other}&partNumber=0`)).set(auth()).send('x').expect(400);
    });
  });
});
