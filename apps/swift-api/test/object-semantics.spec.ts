// Swift object semantics on the wire: COPY / MOVE / X-Copy-From, X-Delete-At, folders,
// ?dir-delete, bulk delete, listing with reverse / end_marker / path, container names.
import { connect } from 'node:net';
import request from 'supertest';
import { startSwiftHarness, SwiftHarness } from './swift-harness';

describe('Swift object semantics', () => {
  let h: SwiftHarness;
  beforeAll(async () => (h = await startSwiftHarness()));
  afterAll(() => h?.close());
  const auth = () => ({ 'X-Auth-Token': h.token });
  const put = (path: string, body = 'x') => request(h.url).put(`${h.accountPath}/${path}`).set(auth()).send(body).expect(201);
  const text = async (path: string) => ((await request(h.url).get(`${h.accountPath}/${path}`).set(auth()).responseType('blob').expect(200)).body as Buffer).toString();
  const names = async (query: string) => ((await request(h.url).get(`${h.accountPath}/${query}`).set(auth()).expect(200)).body as { name?: string; subdir?: string }[]).map((e) => e.name ?? `subdir:${e.subdir}`);
  const tokenOf = async (role: 'reader' | 'member', name: string) => {
    const user = await h.world.identity.createUser({ accountId: h.world.accountId, name, role });
    return (await h.world.tokens.issue({ userId: user.id, kind: 'auth', ttlSeconds: 600 })).token;
  };

  describe('COPY, MOVE and X-Copy-From', () => {
    beforeAll(async () => {
      await request(h.url).put(`${h.accountPath}/src`).set(auth()).expect(201);
      await request(h.url).put(`${h.accountPath}/dst`).set(auth()).expect(201);
      await request(h.url)
        .put(`${h.accountPath}/src/a b.txt`)
        .set(auth())
        .set('Content-Type', 'text/plain')
        .set('X-Object-Meta-Color', 'blue')
        .set('X-Object-Meta-Size', 'large')
        .set('Content-Disposition', 'attachment')
        .send('copy me')
        .expect(201);
    });

    it('COPY keeps the source metadata, merges the request metadata and answers 201 with where it came from', async () => {
      const source = await request(h.url).head(`${h.accountPath}/src/a%20b.txt`).set(auth()).expect(200);
      const res = await request(h.url).copy(`${h.accountPath}/src/a%20b.txt`).set(auth()).set('Destination', '/dst/copied/one.txt').set('X-Object-Meta-Size', 'small').expect(201);
      expect(res.headers).toMatchObject({ etag: source.headers.etag, 'x-copied-from': 'src/a%20b.txt', 'x-copied-from-last-modified': source.headers['last-modified'] });
      expect(res.headers['x-copied-from-account']).toBeUndefined();
      const copy = await request(h.url).head(`${h.accountPath}/dst/copied/one.txt`).set(auth()).expect(200);
      expect(copy.headers).toMatchObject({ 'content-type': 'text/plain', 'x-object-meta-color': 'blue', 'x-object-meta-size': 'small', 'content-disposition': 'attachment', etag: source.headers.etag });
      expect(await text('dst/copied/one.txt')).toBe('copy me');
    });

    it('X-Fresh-Metadata replaces the metadata; a Content-Type in the request wins', async () => {
      await request(h.url).copy(`${h.accountPath}/src/a%20b.txt`).set(auth()).set('Destination', 'dst/fresh').set('X-Fresh-Metadata', 'true').set('X-Object-Meta-New', '1').set('Content-Type', 'text/csv').expect(201);
      const copy = await request(h.url).head(`${h.accountPath}/dst/fresh`).set(auth()).expect(200);
      expect(copy.headers).toMatchObject({ 'x-object-meta-new': '1', 'content-type': 'text/csv' });
      expect(copy.headers['x-object-meta-color']).toBeUndefined();
    });

    it('PUT with X-Copy-From copies (also onto itself, to change metadata); a body is refused', async () => {
      const res = await request(h.url).put(`${h.accountPath}/dst/via-put`).set(auth()).set('X-Copy-From', '/src/a%20b.txt').set('Content-Length', '0').expect(201);
      expect(res.headers['x-copied-from']).toBe('src/a%20b.txt');
      expect(await text('dst/via-put')).toBe('copy me');
      await request(h.url).put(`${h.accountPath}/dst/via-put`).set(auth()).set('X-Copy-From', 'dst/via-put').set('X-Object-Meta-Again', 'yes').set('Content-Length', '0').expect(201);
      expect((await request(h.url).head(`${h.accountPath}/dst/via-put`).set(auth()).expect(200)).headers).toMatchObject({ 'x-object-meta-again': 'yes', 'x-object-meta-color': 'blue' });
      const refused = await request(h.url).put(`${h.accountPath}/dst/body`).set(auth()).set('X-Copy-From', 'src/a%20b.txt').send('data').expect(400);
      expect(refused.text).toBe('Copy requests require a zero byte body');
    });

    it('answers bad headers with 412 as Swift words them, and missing things with 404', async () => {
      for (const destination of ['no-slash', 'dst/', '/dst', '']) {
        const res = await request(h.url).copy(`${h.accountPath}/src/a%20b.txt`).set(auth()).set('Destination', destination).expect(412);
        expect(res.text).toBe('Destination header must be of the form <container name>/<object name>');
      }
      expect((await request(h.url).copy(`${h.accountPath}/src/a%20b.txt`).set(auth()).expect(412)).text).toMatch(/^Destination header/);
      const badFrom = await request(h.url).put(`${h.accountPath}/dst/x`).set(auth()).set('X-Copy-From', 'nothing').set('Content-Length', '0').expect(412);
      expect(badFrom.text).toBe('X-Copy-From header must be of the form <container name>/<object name>');
      expect((await request(h.url).copy(`${h.accountPath}/src/a%20b.txt`).set(auth()).set('Destination', 'dst/x').set('Destination-Account', '').expect(412)).text).toBe('Account name cannot be empty');
      await request(h.url).copy(`${h.accountPath}/src/missing`).set(auth()).set('Destination', 'dst/x').expect(404);
      await request(h.url).copy(`${h.accountPath}/src/a%20b.txt`).set(auth()).set('Destination', 'nope/x').expect(404);
      await request(h.url).put(`${h.accountPath}/dst/x`).set(auth()).set('X-Copy-From', 'src/missing').set('Content-Length', '0').expect(404);
      await request(h.url).head(`${h.accountPath}/dst/x`).set(auth()).expect(404);
    });

    it('needs read on the source and write on the destination, through the decision point', async () => {
      const reader = await tokenOf('reader', 'copy-reader');
      await request(h.url).copy(`${h.accountPath}/src/a%20b.txt`).set('X-Auth-Token', reader).set('Destination', 'dst/by-reader').expect(403);
      await request(h.url).put(`${h.accountPath}/dst/by-reader`).set('X-Auth-Token', reader).set('X-Copy-From', 'src/a%20b.txt').set('Content-Length', '0').expect(403);
      await request(h.url).copy(`${h.accountPath}/src/a%20b.txt`).send().expect(401);
      // Another account's container, named by Destination-Account: this user may not write there.
      const other = await h.world.storage.accounts.create({ name: 'copy-other' });
      await h.world.storage.buckets.create({ accountId: other.id, name: 'theirs' });
      await request(h.url).copy(`${h.accountPath}/src/a%20b.txt`).set(auth()).set('Destination', 'theirs/x').set('Destination-Account', `AUTH_${other.id}`).expect(403);
      await request(h.url).put(`${h.accountPath}/dst/from-theirs`).set(auth()).set('X-Copy-From', 'theirs/x').set('X-Copy-From-Account', other.id).set('Content-Length', '0').expect(403);
      await request(h.url).head(`${h.accountPath}/dst/by-reader`).set(auth()).expect(404);
    });

    it('MOVE copies then deletes the source; a reader may not move', async () => {
      await put('src/to-move', 'moving');
      const reader = await tokenOf('reader', 'move-reader');
      await request(h.url).move(`${h.accountPath}/src/to-move`).set('X-Auth-Token', reader).set('Destination', 'dst/moved').expect(403);
      const res = await request(h.url).move(`${h.accountPath}/src/to-move`).set(auth()).set('Destination', '/dst/moved').expect(201);
      expect(res.headers['x-copied-from']).toBe('src/to-move');
      await request(h.url).head(`${h.accountPath}/src/to-move`).set(auth()).expect(404);
      expect(await text('dst/moved')).toBe('moving');
      await request(h.url).move(`${h.accountPath}/dst/moved`).set(auth()).set('Destination', 'dst/moved').expect(201); // onto itself: still there
      expect(await text('dst/moved')).toBe('moving');
    });
  });

  describe('X-Delete-At and X-Delete-After', () => {
    beforeAll(() => request(h.url).put(`${h.accountPath}/exp`).set(auth()).expect(201));
    const now = () => Math.floor(Date.now() / 1000);

    it('stores the expiry of a PUT, POST or COPY and returns it on GET and HEAD', async () => {
      const at = now() + 3600;
      await request(h.url).put(`${h.accountPath}/exp/at`).set(auth()).set('X-Delete-At', String(at)).send('1').expect(201);
      expect((await request(h.url).head(`${h.accountPath}/exp/at`).set(auth()).expect(200)).headers['x-delete-at']).toBe(String(at));
      expect((await request(h.url).get(`${h.accountPath}/exp/at`).set(auth()).expect(200)).headers['x-delete-at']).toBe(String(at));

      await request(h.url).put(`${h.accountPath}/exp/after`).set(auth()).set('X-Delete-After', '100').send('1').expect(201);
      const after = Number((await request(h.url).head(`${h.accountPath}/exp/after`).set(auth()).expect(200)).headers['x-delete-at']);
      expect(after).toBeGreaterThanOrEqual(now() + 98);
      expect(after).toBeLessThanOrEqual(now() + 100);

      await request(h.url).post(`${h.accountPath}/exp/at`).set(auth()).set('X-Delete-At', String(at + 10)).expect(202);
      expect((await request(h.url).head(`${h.accountPath}/exp/at`).set(auth()).expect(200)).headers['x-delete-at']).toBe(String(at + 10));
      await request(h.url).post(`${h.accountPath}/exp/at`).set(auth()).set('X-Object-Meta-A', 'b').expect(202); // absent: kept
      expect((await request(h.url).head(`${h.accountPath}/exp/at`).set(auth()).expect(200)).headers['x-delete-at']).toBe(String(at + 10));
      await request(h.url).post(`${h.accountPath}/exp/at`).set(auth()).set('X-Remove-Delete-At', '1').expect(202);
      expect((await request(h.url).head(`${h.accountPath}/exp/at`).set(auth()).expect(200)).headers['x-delete-at']).toBeUndefined();

      await request(h.url).copy(`${h.accountPath}/exp/after`).set(auth()).set('Destination', 'exp/copy').expect(201);
      expect((await request(h.url).head(`${h.accountPath}/exp/copy`).set(auth()).expect(200)).headers['x-delete-at']).toBeUndefined();
      await request(h.url).copy(`${h.accountPath}/exp/after`).set(auth()).set('Destination', 'exp/copy2').set('X-Delete-At', String(at)).expect(201);
      expect((await request(h.url).head(`${h.accountPath}/exp/copy2`).set(auth()).expect(200)).headers['x-delete-at']).toBe(String(at));
    });

    it.each([
      ['X-Delete-At', String(Math.floor(Date.now() / 1000) - 10), 'X-Delete-At in past'],
      ['X-Delete-At', 'soon', 'Non-integer X-Delete-At'],
      ['X-Delete-At', '1.5', 'Non-integer X-Delete-At'],
      ['X-Delete-After', '-5', 'X-Delete-After in past'],
      ['X-Delete-After', '0', 'X-Delete-After in past'],
      ['X-Delete-After', 'x', 'Non-integer X-Delete-After'],
    ])('%s: %s is 400 "%s" on PUT and POST, nothing written', async (header, value, message) => {
      const refused = await request(h.url).put(`${h.accountPath}/exp/bad`).set(auth()).set(header, value).send('1').expect(400);
      expect(refused.text).toBe(message);
      await request(h.url).head(`${h.accountPath}/exp/bad`).set(auth()).expect(404);
      await put('exp/bad-post');
      expect((await request(h.url).post(`${h.accountPath}/exp/bad-post`).set(auth()).set(header, value).expect(400)).text).toBe(message);
    });

    it('an object past its X-Delete-At is gone at once: 404 and out of listings', async () => {
      await request(h.url).put(`${h.accountPath}/exp/short`).set(auth()).set('X-Delete-At', String(now() + 3600)).send('1').expect(201);
      await h.world.t.db.knex('objects').where({ key: 'short' }).update({ delete_at: new Date(Date.now() - 1000) });
      await request(h.url).get(`${h.accountPath}/exp/short`).set(auth()).expect(404);
      await request(h.url).head(`${h.accountPath}/exp/short`).set(auth()).expect(404);
      await request(h.url).post(`${h.accountPath}/exp/short`).set(auth()).expect(404);
      await request(h.url).delete(`${h.accountPath}/exp/short`).set(auth()).expect(404);
      expect(await names('exp?format=json')).not.toContain('short');
    });
  });

  describe('folders', () => {
    beforeAll(() => request(h.url).put(`${h.accountPath}/folders`).set(auth()).expect(201));

    it('PUT of a name ending in / with application/directory creates a folder marker, listed as an object', async () => {
      await request(h.url).put(`${h.accountPath}/folders/images/small/`).set(auth()).set('Content-Type', 'application/directory').set('X-Object-Meta-Company', 'kakao enterprise').send('').expect(201);
      // The spec's curl sends no body and no Content-Length at all.
      expect(await rawPut(h.url, `${h.accountPath}/folders/docs/`, { 'X-Auth-Token': h.token, 'Content-Type': 'application/directory' })).toBe(201);
      const listing = (await request(h.url).get(`${h.accountPath}/folders?format=json`).set(auth()).expect(200)).body;
      expect(listing).toEqual([
        expect.objectContaining({ name: 'docs/', bytes: 0, content_type: 'application/directory' }),
        expect.objectContaining({ name: 'images/small/', bytes: 0, content_type: 'application/directory', hash: 'd41d8cd98f00b204e9800998ecf8427e' }),
      ]);
      const head = await request(h.url).head(`${h.accountPath}/folders/images/small/`).set(auth()).expect(200);
      expect(head.headers).toMatchObject({ 'content-length': '0', 'content-type': 'application/directory', 'x-object-meta-company': 'kakao enterprise' });

      // A body on a `/`-terminated name is kept, as Swift (and S3 for `dir/` keys) keeps it.
      await request(h.url).put(`${h.accountPath}/folders/with-data/`).set(auth()).set('Content-Type', 'application/directory').send('abc').expect(201);
      expect((await request(h.url).head(`${h.accountPath}/folders/with-data/`).set(auth()).expect(200)).headers['content-length']).toBe('3');
    });
  });

  describe('?dir-delete', () => {
    beforeAll(async () => {
      await request(h.url).put(`${h.accountPath}/tree`).set(auth()).expect(201);
      await request(h.url).put(`${h.accountPath}/tree/dir/`).set(auth()).set('Content-Type', 'application/directory').send('').expect(201);
      for (const key of ['dir/a', 'dir/sub/b', 'dir/sub/c', 'dir2/x', 'dirx', 'top']) await put(`tree/${key}`, key);
    });

    it('empties a folder: everything under dir/ including its marker, nothing else; 400 when there is nothing', async () => {
      const res = await request(h.url).delete(`${h.accountPath}/tree/dir/?dir-delete`).set(auth()).expect(200);
      expect(res.text).toBe('Number Deleted: 4\nNumber Not Found: 0\nResponse Body: \nResponse Status: 200 OK\nErrors:\n');
      expect(await names('tree?format=json')).toEqual(['dir2/x', 'dirx', 'top']);
      expect((await request(h.url).head(`${h.accountPath}/tree`).set(auth()).expect(204)).headers['x-container-object-count']).toBe('3');
      await request(h.url).delete(`${h.accountPath}/tree/dir/?dir-delete`).set(auth()).expect(400);
    });

    it('empties the container (report per Accept) and refuses a reader', async () => {
      const reader = await tokenOf('reader', 'dir-reader');
      await request(h.url).delete(`${h.accountPath}/tree/?dir-delete`).set('X-Auth-Token', reader).expect(403);
      const res = await request(h.url).delete(`${h.accountPath}/tree/?dir-delete`).set(auth()).set('Accept', 'application/json').expect(200);
      expect(res.body).toEqual({ 'Response Status': '200 OK', 'Response Body': '', 'Number Deleted': 3, 'Number Not Found': 0, Errors: [] });
      await request(h.url).get(`${h.accountPath}/tree`).set(auth()).expect(204);
      await request(h.url).delete(`${h.accountPath}/nope/?dir-delete`).set(auth()).expect(404);
    });

    it('streams through 10,000+ objects in bounded batches', async () => {
      const big = await h.world.storage.buckets.create({ accountId: h.world.accountId, name: 'big-tree' });
      const COUNT = 10_050;
      const rows = Array.from({ length: COUNT }, (_, i) => ({ bucket_id: big.id, key: `f/${String(i).padStart(6, '0')}`, version_id: 'null', is_latest: true, size: 1, etag: 'e' }));
      for (let i = 0; i < rows.length; i += 1000) await h.world.t.db.knex('objects').insert(rows.slice(i, i + 1000));
      await h.world.t.db.knex('buckets').where({ id: big.id }).update({ object_count: COUNT, bytes_used: COUNT });
      await put('big-tree/keep');
      const res = await request(h.url).delete(`${h.accountPath}/big-tree/f/?dir-delete`).set(auth()).set('Accept', 'application/json').expect(200);
      expect(res.body['Number Deleted']).toBe(COUNT);
      expect(await names('big-tree?format=json')).toEqual(['keep']);
      expect((await request(h.url).head(`${h.accountPath}/big-tree`).set(auth()).expect(204)).headers['x-container-object-count']).toBe('1');
    }, 120_000);
  });

  describe('bulk delete', () => {
    beforeAll(async () => {
      await request(h.url).put(`${h.accountPath}/bulk1`).set(auth()).expect(201);
      await request(h.url).put(`${h.accountPath}/bulk2`).set(auth()).expect(201);
      for (const key of ['bulk1/a b', 'bulk1/dir/c', 'bulk2/keep', 'bulk2/x']) await put(key);
    });

    it('deletes objects, then the containers it empties; reports per Accept', async () => {
      const body = '/bulk1/a%20b\nbulk1\n/bulk1/dir/c\n\n/bulk1/missing\n/bulk2/x\n/bulk2\n/nosuch/o\n';
      const res = await request(h.url).post(`${h.accountPath}?bulk-delete`).set(auth()).set('Content-Type', 'text/plain').set('Accept', 'application/json').send(body).expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toEqual({
        'Response Status': '400 Bad Request',
        'Response Body': '',
        'Number Deleted': 4, // bulk1/a b, bulk1/dir/c, bulk2/x, then the container bulk1
        'Number Not Found': 2,
        Errors: [['bulk2', '409 Conflict']],
      });
      await request(h.url).head(`${h.accountPath}/bulk1`).set(auth()).expect(404);
      expect(await names('bulk2?format=json')).toEqual(['keep']);
    });

    it('also on DELETE; text/plain and XML reports; every entry authorized', async () => {
      await put('bulk2/y');
      const plain = await request(h.url).delete(`${h.accountPath}?bulk-delete`).set(auth()).set('Content-Type', 'text/plain').send('bulk2/y\n').expect(200);
      expect(plain.text).toBe('Number Deleted: 1\nNumber Not Found: 0\nResponse Body: \nResponse Status: 200 OK\nErrors:\n');
      const reader = await tokenOf('reader', 'bulk-reader');
      await request(h.url).post(`${h.accountPath}?bulk-delete`).set('X-Auth-Token', reader).send('bulk2/keep\n').expect(403);
      await request(h.url).post(`${h.accountPath}?bulk-delete`).send('bulk2/keep\n').expect(401);
      const xml = await request(h.url).post(`${h.accountPath}?bulk-delete`).set(auth()).set('Accept', 'application/xml').send('bulk2/nothing').expect(200);
      expect(xml.text).toContain('<number_not_found>1</number_not_found>');
      expect(await names('bulk2?format=json')).toEqual(['keep']);
    });

    it('refuses more than 10,000 entries', async () => {
      const body = Array.from({ length: 10_001 }, (_, i) => `bulk2/o${i}`).join('\n');
      const res = await request(h.url).post(`${h.accountPath}?bulk-delete`).set(auth()).send(body).expect(413);
      expect(res.headers['x-trans-id']).toBeDefined();
    });
  });

  describe('container listing: reverse, end_marker, path', () => {
    beforeAll(async () => {
      await request(h.url).put(`${h.accountPath}/lst`).set(auth()).expect(201);
      for (const key of ['a', 'b/', 'b/1', 'b/2', 'b/deep/x', 'b/sub/', 'b/sub/y', 'c']) await put(`lst/${key}`);
    });

    it('reverse=true lists backwards; marker and end_marker bound it from the other side', async () => {
      expect(await names('lst?format=json&reverse=true')).toEqual(['c', 'b/sub/y', 'b/sub/', 'b/deep/x', 'b/2', 'b/1', 'b/', 'a']);
      expect(await names('lst?format=json&reverse=true&marker=b/2&end_marker=a')).toEqual(['b/1', 'b/']);
      expect(await names('lst?format=json&reverse=true&delimiter=/')).toEqual(['c', 'subdir:b/', 'a']);
      expect(await names('lst?format=json&reverse=true&limit=2')).toEqual(['c', 'b/sub/y']);
      expect(await names('lst?format=json&marker=a&end_marker=b/2')).toEqual(['b/', 'b/1']);
      expect(await names('lst?format=json&reverse=yes&prefix=b/&limit=3')).toEqual(['b/sub/y', 'b/sub/', 'b/deep/x']);
    });

    it('path= lists only what is directly under the folder, without subdir entries', async () => {
      expect(await names('lst?format=json&path=b')).toEqual(['b/1', 'b/2', 'b/sub/']);
      expect(await names('lst?format=json&path=b/')).toEqual(['b/1', 'b/2', 'b/sub/']);
      expect(await names('lst?format=json&path=b&limit=1&marker=b/1')).toEqual(['b/2']);
      expect(await names('lst?format=json&path=b&limit=2&marker=b/2')).toEqual(['b/sub/']);
      expect(await names('lst?format=json&path=b&reverse=true')).toEqual(['b/sub/', 'b/2', 'b/1']);
      // Folder markers directly under the path are objects there (Swift skips only deeper names).
      expect(await names('lst?format=json&path=')).toEqual(['a', 'b/', 'c']);
    });
  });

  it('answers Swift\'s container name limits in its words; the relaxed container rules apply beyond', async () => {
    const long = 'c'.repeat(257);
    expect((await request(h.url).put(`${h.accountPath}/${long}`).set(auth()).expect(400)).text).toBe('Container name length of 257 longer than 256');
    expect((await request(h.url).put(`${h.accountPath}/a%2Fb`).set(auth()).expect(400)).text).toBe('Container name cannot contain slashes');
    // `swift upload -S` creates `{container}_segments` by default.
    await request(h.url).put(`${h.accountPath}/Upper_Case_segments`).set(auth()).expect(201);
    await request(h.url).put(`${h.accountPath}/${'c'.repeat(256)}`).set(auth()).expect(201);
    await request(h.url).put(`${h.accountPath}/with%20space`).set(auth()).expect(400);
    await request(h.url).put(`${h.accountPath}/..`).set(auth()).expect(400);
  });
});

/** A PUT with neither Content-Length nor Transfer-Encoding (curl --request PUT without data), on a raw socket. */
function rawPut(base: string, path: string, headers: Record<string, string>): Promise<number> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => {
      const lines = [`PUT ${path} HTTP/1.1`, `Host: ${url.host}`, 'Connection: close', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
      socket.write(lines.join('\r\n') + '\r\n\r\n');
    });
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d+)/.exec(answer)?.[1] ?? 0)));
    socket.on('error', reject);
  });
}
