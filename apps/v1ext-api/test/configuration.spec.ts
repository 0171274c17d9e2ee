import { Readable } from 'node:stream';
import request from 'supertest';
import { startV1extHarness, V1extHarness } from './v1ext-harness';

describe('/v1_ext bucket list, CORS and lifecycle', () => {
  let h: V1extHarness;
  const as = (role: 'admin' | 'member' | 'reader' = 'admin') => ({ 'X-Auth-Token': h.tokens[role] });
  const NAMES = ['alpha-logs', 'alpha-photos', 'beta-data', 'gamma-alpha', 'zeta'];
  beforeAll(async () => {
    h = await startV1extHarness();
    for (const name of NAMES) await request(h.url).put('/v1_ext/bucket').set(as()).send({ name, type: 'STANDARD' }).expect(200);
    // Usage: beta-data holds the most bytes, zeta some.
    const put = async (bucketName: string, size: number) =>
      h.world.storage.objects.put({ bucket: await h.world.storage.buckets.get(h.world.accountId, bucketName), key: `k${size}`, body: Readable.from([Buffer.alloc(size)]) });
    await put('beta-data', 500);
    await put('zeta', 20);
  });
  afterAll(() => h?.close());
  const list = (query: string, status = 200) => request(h.url).get(`/v1_ext/bucket${query}`).set(as()).expect(status);
  const names = (body: { items: { name: string }[] }) => body.items.map((item) => item.name);

  describe('list', () => {
    it('pages with offset and limit (default 20) and counts every match', async () => {
      const all = await list('');
      expect(all.body).toMatchObject({ totalCount: 5, offset: 0, count: 5 });
      expect(names(all.body)).toEqual(NAMES);
      expect(all.body.items[2]).toEqual({
        name: 'beta-data',
        type: 'STANDARD',
        bytes: 500,
        objectCount: 1,
        createdAt: expect.stringMatching(/Z$/),
        lastModified: expect.stringMatching(/Z$/),
        use_encryption: false,
        storageClass: 'STANDARD',
      });
      const page = await list('?offset=1&limit=2');
      expect(page.body).toMatchObject({ totalCount: 5, offset: 1, count: 2 });
      expect(names(page.body)).toEqual(['alpha-photos', 'beta-data']);
      expect((await list('?offset=10')).body).toEqual({ totalCount: 5, offset: 10, count: 0, items: [] });
      expect((await list('?limit=1000')).body.count).toBe(5);
    });

    it('filters by prefix or by an included string, never both', async () => {
      expect(names((await list('?prefix=alpha')).body)).toEqual(['alpha-logs', 'alpha-photos']);
      expect((await list('?prefix=alpha')).body.totalCount).toBe(2);
      expect(names((await list('?include=alpha')).body)).toEqual(['alpha-logs', 'alpha-photos', 'gamma-alpha']);
      // LIKE wildcards are plain characters.
      expect((await list('?include=%25')).body.totalCount).toBe(0);
      expect((await list('?prefix=alpha&include=logs', 400)).body.code).toBe('InvalidArgument');
    });

    it('sorts by name, creation time or bytes used, ascending or descending; filters on type', async () => {
      expect(names((await list('?by=bucket_name&direct=desc')).body)).toEqual([...NAMES].reverse());
      expect(names((await list('?by=bytes_used&direct=desc&limit=2')).body)).toEqual(['beta-data', 'zeta']);
      expect(names((await list('?by=created_at')).body)).toEqual(NAMES);
      expect(names((await list('?by=bucket_type')).body)).toEqual(NAMES);
      expect((await list('?type=STANDARD')).body.totalCount).toBe(5);
      expect((await list('?type=ARCHIVE')).body).toEqual({ totalCount: 0, offset: 0, count: 0, items: [] });
    });

    it.each(['?offset=-1', '?limit=abc', '?by=size', '?direct=up'])('refuses %s with 400', async (query) => {
      expect((await list(query, 400)).body.code).toBe('InvalidArgument');
    });
  });

  describe('CORS configuration', () => {
    const RULES = {
      cors: [
        { allowed_origins: ['https://www.example1.com'], allowed_methods: ['PUT', 'GET'], allowed_headers: ['*'], expose_headers: [], max_age_seconds: 10 },
        { allowed_origins: ['https://www.example2.com'], allowed_methods: ['PUT', 'GET', 'DELETE'], allowed_headers: ['*'], expose_headers: ['X-Object-Meta-User-Defined'], max_age_seconds: 10 },
      ],
    };
    const put = (body: unknown, bucket = 'alpha-logs', role: 'admin' | 'member' | 'reader' = 'admin') =>
      request(h.url).put(`/v1_ext/bucket/${bucket}/cors`).set(as(role)).set('Content-Type', 'application/json').send(body as object);

    it('stores the rules in the model S3 reads, answers them back, and restores the default with [] or an empty body', async () => {
      const res = await put(RULES).expect(200);
      expect(res.body).toEqual({
        cors: RULES.cors.map((r) => ({ allowed_origins: r.allowed_origins, allowed_headers: r.allowed_headers, allowed_methods: r.allowed_methods, expose_headers: r.expose_headers, max_age_seconds: 10 })),
      });
      expect((await request(h.url).get('/v1_ext/bucket/alpha-logs/cors').set(as('reader')).expect(200)).body).toEqual(res.body);
      const stored = h.world.storage.bucketConfig.getCors(await h.world.storage.buckets.get(h.world.accountId, 'alpha-logs'));
      expect(stored.rules[1]).toEqual({ allowedOrigins: ['https://www.example2.com'], allowedMethods: ['PUT', 'GET', 'DELETE'], allowedHeaders: ['*'], exposeHeaders: ['X-Object-Meta-User-Defined'], maxAgeSeconds: 10 });

      expect((await put({ cors: [] }).expect(200)).body).toEqual({ cors: [] });
      expect((await request(h.url).get('/v1_ext/bucket/alpha-logs/cors').set(as()).expect(200)).body).toEqual({ cors: [] });
      await put(RULES).expect(200);
      await request(h.url).put('/v1_ext/bucket/alpha-logs/cors').set(as()).expect(200, { cors: [] });
      expect(h.world.storage.bucketConfig.getCors.bind(h.world.storage.bucketConfig, await h.world.storage.buckets.get(h.world.accountId, 'alpha-logs'))).toThrow();
    });

    const rule = (overrides: object) => ({ cors: [{ allowed_origins: ['https://a.example'], allowed_methods: ['GET'], allowed_headers: [], expose_headers: [], ...overrides }] });
    it.each<[string, unknown, string]>([
      ['11 rules', { cors: Array.from({ length: 11 }, () => rule({}).cors[0]) }, 'InvalidArgument'],
      ['an origin of 201 characters', rule({ allowed_origins: ['https://' + 'a'.repeat(193)] }), 'InvalidArgument'],
      ['an origin with two wildcards', rule({ allowed_origins: ['https://*.*.example.com'] }), 'InvalidRequest'],
      ['a method outside GET, PUT, POST, DELETE, HEAD', rule({ allowed_methods: ['PATCH'] }), 'InvalidRequest'],
      ['no origins', rule({ allowed_origins: [] }), 'InvalidArgument'],
      ['no methods', rule({ allowed_methods: undefined }), 'InvalidArgument'],
      ['a negative max age', rule({ max_age_seconds: -1 }), 'InvalidArgument'],
      ['cors that is not a list', { cors: 'GET' }, 'InvalidArgument'],
    ])('refuses %s with 400', async (_name, body, code) => {
      expect((await put(body, 'alpha-photos').expect(400)).body.code).toBe(code);
    });

    it('accepts 10 rules and a 200-character origin; 404 for a missing bucket; 403 for a reader', async () => {
      await put({ cors: Array.from({ length: 10 }, () => rule({ allowed_origins: ['https://' + 'a'.repeat(192)] }).cors[0]) }, 'alpha-photos').expect(200);
      await put(RULES, 'no-such-bucket').expect(404);
      await put(RULES, 'alpha-photos', 'reader').expect(403);
      await request(h.url).get('/v1_ext/bucket/no-such-bucket/cors').set(as()).expect(404);
    });
  });

  describe('lifecycle', () => {
    const SPEC_XML = `<?xml version="1.0"?>
<LifecycleConfiguration>
<Rule>
<ID>day1Rule</ID>
<Expiration>
<Days>1</Days>
</Expiration>
<Prefix>expire1/</Prefix>
<Status>Enabled</Status>
</Rule>
<Rule>
<ID>dateRule</ID>
<Expiration>
<Date>2023-06-10T00:00:00.000Z</Date>
</Expiration>
<Prefix>20230-06-08/</Prefix>
<Status>Enabled</Status>
</Rule>
</LifecycleConfiguration>`;
    const put = (xml: string, bucket = 'gamma-alpha', role: 'admin' | 'member' | 'reader' = 'admin') =>
      request(h.url).put(`/v1_ext/bucket/${bucket}/lifecycle`).set(as(role)).set('Content-Type', 'application/xml').send(xml);
    const rule = (inner: string) => `<LifecycleConfiguration><Rule>${inner}</Rule></LifecycleConfiguration>`;

    it('replaces the configuration and answers it as XML; GET reads it; DELETE removes it', async () => {
      const res = await put(SPEC_XML).expect(200);
      expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
      expect(res.text).toBe(
        '<?xml version="1.0" encoding="UTF-8"?><LifecycleConfiguration>' +
          '<Rule><ID>day1Rule</ID><Prefix>expire1/</Prefix><Status>Enabled</Status><Expiration><Days>1</Days></Expiration></Rule>' +
          '<Rule><ID>dateRule</ID><Prefix>20230-06-08/</Prefix><Status>Enabled</Status><Expiration><Date>2023-06-10T00:00:00.000Z</Date></Expiration></Rule>' +
          '</LifecycleConfiguration>',
      );
      expect((await request(h.url).get('/v1_ext/bucket/gamma-alpha/lifecycle').set(as('reader')).expect(200)).text).toBe(res.text);
      // A PUT replaces every rule.
      const replaced = await put(rule('<ID>only</ID><Filter><Prefix>a&amp;b/</Prefix></Filter><Status>Disabled</Status><Expiration><Days>30</Days></Expiration>')).expect(200);
      expect(replaced.text).toContain('<Filter><Prefix>a&amp;b/</Prefix></Filter>');
      expect(replaced.text).not.toContain('day1Rule');
      expect(h.world.storage.bucketConfig.getLifecycle(await h.world.storage.buckets.get(h.world.accountId, 'gamma-alpha')).rules).toEqual([
        { id: 'only', status: 'Disabled', filter: { prefix: 'a&b/', form: 'filter' }, expiration: { days: 30 } },
      ]);
      await request(h.url).delete('/v1_ext/bucket/gamma-alpha/lifecycle').set(as('member')).expect(200);
      const none = await request(h.url).get('/v1_ext/bucket/gamma-alpha/lifecycle').set(as()).expect(404);
      expect(none.body.code).toBe('NoSuchLifecycleConfiguration');
    });

    it.each<[string, string]>([
      ['Days of 0', rule('<ID>r</ID><Prefix></Prefix><Status>Enabled</Status><Expiration><Days>0</Days></Expiration>')],
      ['an ID of 256 characters', rule(`<ID>${'i'.repeat(256)}</ID><Prefix></Prefix><Status>Enabled</Status><Expiration><Days>1</Days></Expiration>`)],
      ['a Date that is not ISO 8601', rule('<ID>r</ID><Prefix></Prefix><Status>Enabled</Status><Expiration><Date>June 10</Date></Expiration>')],
      ['a Status other than Enabled or Disabled', rule('<ID>r</ID><Prefix></Prefix><Status>On</Status><Expiration><Days>1</Days></Expiration>')],
      ['no Expiration', rule('<ID>r</ID><Prefix></Prefix><Status>Enabled</Status>')],
      ['XML that is not well-formed', '<LifecycleConfiguration><Rule>'],
      ['an empty body', ''],
    ])('refuses %s with 400', async (_name, xml) => {
      const res = await put(xml, 'zeta').expect(400);
      expect(res.body.code).toEqual(expect.any(String));
    });

    it('404 for a missing bucket, 403 for a reader', async () => {
      await put(SPEC_XML, 'no-such-bucket').expect(404);
      await request(h.url).get('/v1_ext/bucket/no-such-bucket/lifecycle').set(as()).expect(404);
      await put(SPEC_XML, 'zeta', 'reader').expect(403);
      await request(h.url).delete('/v1_ext/bucket/zeta/lifecycle').set(as('reader')).expect(403);
    });
  });
});
