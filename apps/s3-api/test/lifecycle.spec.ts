// Lifecycle configuration on the wire: Put/Get/DeleteBucketLifecycle(Configuration) with every
// filter form (Filter with Prefix, Tag or And; the legacy rule-level Prefix), S3's validation
// errors, NoSuchLifecycleConfiguration, and `x-amz-expiration` on GET and HEAD and on the writes
// that make a current version (PutObject, CopyObject, CompleteMultipartUpload).
import { addUser, createBucket, md5Base64, putObject, s3Error, send, startS3Harness, S3Harness } from './s3-harness';

const NS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const DECL = '<?xml version="1.0" encoding="UTF-8"?>';
const DAY_MS = 86_400_000;

const configuration = (...rules: string[]) => `<LifecycleConfiguration xmlns="${NS}">${rules.join('')}</LifecycleConfiguration>`;

describe('S3 wire: lifecycle configuration', () => {
  let h: S3Harness;
  beforeAll(async () => (h = await startS3Harness()));
  afterAll(async () => {
    await h?.close();
  });

  let seq = 0;
  async function newBucket(): Promise<string> {
    const name = `lifecycle-${++seq}`;
    await createBucket(h, name);
    return name;
  }
  const putLifecycle = (bucket: string, body: string, headers: Record<string, string> = { 'Content-MD5': md5Base64(body) }) =>
    send(h, 'PUT', `/${bucket}?lifecycle`, { body, headers });
  const getLifecycle = (bucket: string) => send(h, 'GET', `/${bucket}?lifecycle`);

  it('stores the rules, answers them in S3 form, and deletes them', async () => {
    const bucket = await newBucket();
    const missing = await getLifecycle(bucket);
    expect(missing.status).toBe(404);
    expect(s3Error(missing)).toMatchObject({ code: 'NoSuchLifecycleConfiguration', message: 'The lifecycle configuration does not exist' });
    expect(s3Error(missing).fields.BucketName).toBe(bucket);

    const rules = [
      '<Rule><ID>days</ID><Filter><Prefix>logs/</Prefix></Filter><Status>Enabled</Status><Expiration><Days>30</Days></Expiration></Rule>',
      '<Rule><ID>date</ID><Filter><Tag><Key>class</Key><Value>temp</Value></Tag></Filter><Status>Disabled</Status><Expiration><Date>2030-06-10T00:00:00.000Z</Date></Expiration></Rule>',
      '<Rule><ID>and</ID><Filter><And><Prefix>tmp/</Prefix><Tag><Key>a</Key><Value>1</Value></Tag><Tag><Key>b</Key><Value></Value></Tag></And></Filter><Status>Enabled</Status>' +
        '<NoncurrentVersionExpiration><NoncurrentDays>7</NoncurrentDays><NewerNoncurrentVersions>3</NewerNoncurrentVersions></NoncurrentVersionExpiration></Rule>',
      '<Rule><ID>everything</ID><Filter/><Status>Enabled</Status><Expiration><ExpiredObjectDeleteMarker>true</ExpiredObjectDeleteMarker></Expiration>' +
        '<AbortIncompleteMultipartUpload><DaysAfterInitiation>2</DaysAfterInitiation></AbortIncompleteMultipartUpload></Rule>',
      '<Rule><ID>legacy</ID><Prefix>old/</Prefix><Status>Enabled</Status><Expiration><Days>1</Days></Expiration></Rule>',
    ];
    const put = await putLifecycle(bucket, configuration(...rules));
    expect(put.status).toBe(200);
    expect(put.body.length).toBe(0);

    const got = await getLifecycle(bucket);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('application/xml');
    expect(got.text).toBe(
      DECL +
        configuration(
          rules[0],
          rules[1],
          rules[2].replace('<Value></Value>', '<Value/>'),
          rules[3],
          rules[4],
        ),
    );

    const deleted = await send(h, 'DELETE', `/${bucket}?lifecycle`);
    expect(deleted.status).toBe(204);
    expect((await getLifecycle(bucket)).status).toBe(404);
    // Deleting what is not there is not an error.
    expect((await send(h, 'DELETE', `/${bucket}?lifecycle`)).status).toBe(204);
  });

  it('names a rule sent without an ID, and a new configuration replaces the old one whole', async () => {
    const bucket = await newBucket();
    await putLifecycle(bucket, configuration('<Rule><ID>first</ID><Filter><Prefix>a/</Prefix></Filter><Status>Enabled</Status><Expiration><Days>1</Days></Expiration></Rule>'));
    const noId = '<Rule><Filter><Prefix></Prefix></Filter><Status>Enabled</Status><Expiration><Days>5</Days></Expiration></Rule>';
    expect((await putLifecycle(bucket, configuration(noId))).status).toBe(200);
    const text = (await getLifecycle(bucket)).text;
    expect(text).not.toContain('<ID>first</ID>');
    expect(text).toMatch(/<Rule><ID>[A-Za-z0-9+/=]{8,}<\/ID><Filter><Prefix\/><\/Filter><Status>Enabled<\/Status><Expiration><Days>5<\/Days><\/Expiration><\/Rule>/);
  });

  it('accepts a body without Content-MD5 (AWS SDKs send a CRC32 instead) but refuses a wrong one', async () => {
    const bucket = await newBucket();
    const body = configuration('<Rule><ID>r</ID><Filter/><Status>Enabled</Status><Expiration><Days>1</Days></Expiration></Rule>');
    expect((await putLifecycle(bucket, body, {})).status).toBe(200);
    const wrong = await putLifecycle(bucket, body, { 'Content-MD5': md5Base64('something else') });
    expect({ status: wrong.status, code: s3Error(wrong).code }).toEqual({ status: 400, code: 'BadDigest' });
  });

  const rule = (inner: string) => configuration(`<Rule>${inner}</Rule>`);
  const days = (n: string) => rule(`<ID>r</ID><Filter/><Status>Enabled</Status><Expiration><Days>${n}</Days></Expiration>`);
  it.each([
    ['no document', '', 400, 'MissingRequestBodyError', undefined],
    ['a document that is not XML', '<LifecycleConfiguration><Rule>', 400, 'MalformedXML', undefined],
    ['another document', '<VersioningConfiguration/>', 400, 'MalformedXML', undefined],
    ['no rule', configuration(), 400, 'MalformedXML', undefined],
    ['a rule without Status', rule('<ID>r</ID><Filter/><Expiration><Days>1</Days></Expiration>'), 400, 'MalformedXML', undefined],
    ['a Status S3 does not have', rule('<ID>r</ID><Filter/><Status>On</Status><Expiration><Days>1</Days></Expiration>'), 400, 'MalformedXML', undefined],
    ['a rule with neither Filter nor Prefix', rule('<ID>r</ID><Status>Enabled</Status><Expiration><Days>1</Days></Expiration>'), 400, 'MalformedXML', undefined],
    ['Filter and Prefix together', rule('<ID>r</ID><Prefix>a</Prefix><Filter/><Status>Enabled</Status><Expiration><Days>1</Days></Expiration>'), 400, 'InvalidRequest', undefined],
    ['a Filter with two predicates', rule('<ID>r</ID><Filter><Prefix>a</Prefix><Tag><Key>k</Key><Value>v</Value></Tag></Filter><Status>Enabled</Status><Expiration><Days>1</Days></Expiration>'), 400, 'MalformedXML', undefined],
    ['an element S3 does not know', rule('<ID>r</ID><Filter/><Status>Enabled</Status><Expiry><Days>1</Days></Expiry>'), 400, 'MalformedXML', undefined],
    ['Days that are not a number', days('soon'), 400, 'MalformedXML', undefined],
    ['Days 0', days('0'), 400, 'InvalidArgument', "'Days' for Expiration action must be a positive integer"],
    ['negative Days', days('-1'), 400, 'InvalidArgument', "'Days' for Expiration action must be a positive integer"],
    ['a Date not at midnight', rule('<ID>r</ID><Filter/><Status>Enabled</Status><Expiration><Date>2030-01-01T10:00:00Z</Date></Expiration>'), 400, 'InvalidArgument', "'Date' must be at midnight GMT"],
    ['Days and Date together', rule('<ID>r</ID><Filter/><Status>Enabled</Status><Expiration><Days>1</Days><Date>2030-01-01T00:00:00Z</Date></Expiration>'), 400, 'MalformedXML', undefined],
    ['a rule with no action', rule('<ID>r</ID><Filter/><Status>Enabled</Status>'), 400, 'InvalidRequest', 'At least one action needs to be specified in a rule'],
    ['an ID of 256 characters', rule(`<ID>${'i'.repeat(256)}</ID><Filter/><Status>Enabled</Status><Expiration><Days>1</Days></Expiration>`), 400, 'InvalidArgument', 'ID length should not exceed allowed limit of 255'],
    [
      'two rules with one ID',
      configuration(...['a/', 'b/'].map((p) => `<Rule><ID>same</ID><Filter><Prefix>${p}</Prefix></Filter><Status>Enabled</Status><Expiration><Days>1</Days></Expiration></Rule>`)),
      400,
      'InvalidArgument',
      'Rule ID must be unique. Found same ID for more than one rule',
    ],
    [
      '1001 rules',
      configuration(...Array.from({ length: 1001 }, (_, i) => `<Rule><ID>r${i}</ID><Filter/><Status>Enabled</Status><Expiration><Days>1</Days></Expiration></Rule>`)),
      400,
      'InvalidArgument',
      'Rules number should not exceed allowed limit of 1000',
    ],
    ['NoncurrentDays 0', rule('<ID>r</ID><Filter/><Status>Enabled</Status><NoncurrentVersionExpiration><NoncurrentDays>0</NoncurrentDays></NoncurrentVersionExpiration>'), 400, 'InvalidArgument', undefined],
    ['a delete-marker rule with tags', rule('<ID>r</ID><Filter><Tag><Key>k</Key><Value>v</Value></Tag></Filter><Status>Enabled</Status><Expiration><ExpiredObjectDeleteMarker>true</ExpiredObjectDeleteMarker></Expiration>'), 400, 'InvalidRequest', undefined],
    ['a duplicate tag key in And', rule('<ID>r</ID><Filter><And><Tag><Key>k</Key><Value>1</Value></Tag><Tag><Key>k</Key><Value>2</Value></Tag></And></Filter><Status>Enabled</Status><Expiration><Days>1</Days></Expiration>'), 400, 'InvalidRequest', 'Duplicate Tag Keys are not allowed.'],
    ['a transition', rule('<ID>r</ID><Filter/><Status>Enabled</Status><Transition><Days>1</Days><StorageClass>GLACIER</StorageClass></Transition>'), 501, 'NotImplemented', undefined],
  ])('refuses %s', async (_name, body, status, code, message) => {
    const bucket = await newBucket();
    const res = await putLifecycle(bucket, body);
    const error = s3Error(res);
    expect({ status: res.status, code: error.code }).toEqual({ status, code });
    if (message) expect(error.message).toBe(message);
    expect((await getLifecycle(bucket)).status).toBe(404);
  });

  it('lets a reader read the rules but not change them', async () => {
    const bucket = await newBucket();
    await putLifecycle(bucket, configuration('<Rule><ID>r</ID><Filter/><Status>Enabled</Status><Expiration><Days>1</Days></Expiration></Rule>'));
    const reader = await addUser(h, 'reader', `lifecycle-reader-${seq}`);
    expect((await send(h, 'GET', `/${bucket}?lifecycle`, { creds: reader })).status).toBe(200);
    const body = configuration('<Rule><ID>x</ID><Filter/><Status>Enabled</Status><Expiration><Days>9</Days></Expiration></Rule>');
    const put = await send(h, 'PUT', `/${bucket}?lifecycle`, { creds: reader, body, headers: { 'Content-MD5': md5Base64(body) } });
    expect(s3Error(put).code).toBe('AccessDenied');
    expect((await send(h, 'DELETE', `/${bucket}?lifecycle`, { creds: reader })).status).toBe(403);
  });

  describe('x-amz-expiration', () => {
    /** The midnight UTC after `days` days from `lastModified`, as S3 rounds it. */
    const expected = (lastModified: string, days: number) => new Date(Math.ceil((Date.parse(lastModified) + days * DAY_MS) / DAY_MS) * DAY_MS).toUTCString();

    it('GET and HEAD of a current object name the rule that expires it first', async () => {
      const bucket = await newBucket();
      await putLifecycle(
        bucket,
        configuration(
          '<Rule><ID>slow</ID><Filter><Prefix>logs/</Prefix></Filter><Status>Enabled</Status><Expiration><Days>30</Days></Expiration></Rule>',
          '<Rule><ID>fast "logs"</ID><Filter><Prefix>logs/</Prefix></Filter><Status>Enabled</Status><Expiration><Days>3</Days></Expiration></Rule>',
          '<Rule><ID>off</ID><Filter><Prefix>logs/</Prefix></Filter><Status>Disabled</Status><Expiration><Days>1</Days></Expiration></Rule>',
          '<Rule><ID>tagged</ID><Filter><Tag><Key>temp</Key><Value>yes</Value></Tag></Filter><Status>Enabled</Status><Expiration><Date>2031-01-01T00:00:00Z</Date></Expiration></Rule>',
        ),
      );
      const put = await putObject(h, bucket, 'logs/a.txt', 'hello');
      const head = await send(h, 'HEAD', `/${bucket}/logs/a.txt`);
      const lastModified = String(head.headers['last-modified']);
      const header = `expiry-date="${expected(lastModified, 3)}", rule-id="fast%20%22logs%22"`;
      expect(put.headers['x-amz-expiration']).toBe(header);
      expect(head.headers['x-amz-expiration']).toBe(header);
      expect((await send(h, 'GET', `/${bucket}/logs/a.txt`)).headers['x-amz-expiration']).toBe(header);

      await putObject(h, bucket, 'other/b.txt', 'x', { 'x-amz-tagging': 'temp=yes' });
      expect((await send(h, 'HEAD', `/${bucket}/other/b.txt`)).headers['x-amz-expiration']).toBe('expiry-date="Wed, 01 Jan 2031 00:00:00 GMT", rule-id="tagged"');
      await putObject(h, bucket, 'other/c.txt', 'x');
      expect((await send(h, 'HEAD', `/${bucket}/other/c.txt`)).headers['x-amz-expiration']).toBeUndefined();
    });

    it('is absent without rules, and for a version that is no longer current', async () => {
      const bucket = await newBucket();
      await putObject(h, bucket, 'k', 'one');
      expect((await send(h, 'HEAD', `/${bucket}/k`)).headers['x-amz-expiration']).toBeUndefined();

      const versioning = `<VersioningConfiguration xmlns="${NS}"><Status>Enabled</Status></VersioningConfiguration>`;
      expect((await send(h, 'PUT', `/${bucket}?versioning`, { body: versioning })).status).toBe(200);
      const first = String((await putObject(h, bucket, 'k', 'two')).headers['x-amz-version-id']);
      await putObject(h, bucket, 'k', 'three');
      await putLifecycle(bucket, configuration('<Rule><ID>r</ID><Filter/><Status>Enabled</Status><Expiration><Days>1</Days></Expiration></Rule>'));
      expect((await send(h, 'HEAD', `/${bucket}/k`)).headers['x-amz-expiration']).toMatch(/^expiry-date=".+ 00:00:00 GMT", rule-id="r"$/);
      expect((await send(h, 'HEAD', `/${bucket}/k?versionId=${first}`)).headers['x-amz-expiration']).toBeUndefined();
    });

    it('PutObject, CopyObject and CompleteMultipartUpload answer it for the version they make current', async () => {
      const bucket = await newBucket();
      await putLifecycle(bucket, configuration('<Rule><ID>tmp</ID><Filter><Prefix>tmp/</Prefix></Filter><Status>Enabled</Status><Expiration><Days>2</Days></Expiration></Rule>'));
      const expectedFor = async (key: string) => `expiry-date="${expected(String((await send(h, 'HEAD', `/${bucket}/${key}`)).headers['last-modified']), 2)}", rule-id="tmp"`;

      const kept = await putObject(h, bucket, 'keep/a', 'kept');
      expect([kept.status, kept.headers['x-amz-expiration']]).toEqual([200, undefined]);
      const put = await putObject(h, bucket, 'tmp/a', 'short-lived');
      expect(put.headers['x-amz-expiration']).toBe(await expectedFor('tmp/a'));

      const copy = await send(h, 'PUT', `/${bucket}/tmp/copy`, { headers: { 'x-amz-copy-source': `/${bucket}/keep/a` } });
      expect(copy.status).toBe(200);
      expect(copy.headers['x-amz-expiration']).toBe(await expectedFor('tmp/copy'));
      const copiedOut = await send(h, 'PUT', `/${bucket}/keep/b`, { headers: { 'x-amz-copy-source': `/${bucket}/tmp/a` } });
      expect([copiedOut.status, copiedOut.headers['x-amz-expiration']]).toEqual([200, undefined]);

      const initiated = await send(h, 'POST', `/${bucket}/tmp/mpu?uploads`);
      const uploadId = /<UploadId>([^<]+)<\/UploadId>/.exec(initiated.text)![1];
      const part = await send(h, 'PUT', `/${bucket}/tmp/mpu?partNumber=1&uploadId=${uploadId}`, { body: 'one part' });
      const body = `<CompleteMultipartUpload xmlns="${NS}"><Part><PartNumber>1</PartNumber><ETag>${part.headers.etag}</ETag></Part></CompleteMultipartUpload>`;
      const completed = await send(h, 'POST', `/${bucket}/tmp/mpu?uploadId=${uploadId}`, { body });
      expect(completed.status).toBe(200);
      expect(completed.headers['x-amz-expiration']).toBe(await expectedFor('tmp/mpu'));
    });
  });
});
