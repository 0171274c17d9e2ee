// Server access logging on the wire: Put/GetBucketLogging and S3's errors, and the access log
// line each request on a logged bucket records (the worker's delivery is tested in libs/lifecycle
// and end to end in apps/gateway).
import { addUser, createBucket, md5Base64, putObject, s3Error, send, startS3Harness, S3Harness } from './s3-harness';

const LOGGING_NS = 'http://doc.s3.amazonaws.com/2006-03-01';
const DECL = '<?xml version="1.0" encoding="UTF-8"?>';

const status = (inner = '') => `<BucketLoggingStatus xmlns="${LOGGING_NS}">${inner}</BucketLoggingStatus>`;
const enabled = (target: string, prefix: string, extra = '') =>
  status(`<LoggingEnabled><TargetBucket>${target}</TargetBucket><TargetPrefix>${prefix}</TargetPrefix>${extra}</LoggingEnabled>`);

/** One S3 server access log line, split into its 26 fields (bracketed time and quoted strings kept whole). */
function logFields(line: string): string[] {
  const fields = line.match(/\[[^\]]*\]|"[^"]*"|\S+/g) ?? [];
  expect(fields).toHaveLength(26);
  return fields;
}

describe('S3 wire: bucket logging', () => {
  let h: S3Harness;
  beforeAll(async () => (h = await startS3Harness()));
  afterAll(async () => {
    await h?.close();
  });

  let seq = 0;
  async function newBucket(): Promise<string> {
    const name = `logging-${++seq}`;
    await createBucket(h, name);
    return name;
  }
  const putLogging = (bucket: string, body: string) => send(h, 'PUT', `/${bucket}?logging`, { body, headers: { 'Content-MD5': md5Base64(body) } });
  const getLogging = (bucket: string) => send(h, 'GET', `/${bucket}?logging`);

  /** Takes every recorded line out of the queue, oldest first. */
  async function drainLines(): Promise<string[]> {
    const batch = await h.storage.accessLogs.claim(10_000, 60_000);
    await h.storage.accessLogs.complete(batch, batch.records.map((r) => r.id));
    return batch.records.map((r) => r.line);
  }

  it('is off until turned on, answers its target, and an empty status turns it off', async () => {
    const [source, target] = [await newBucket(), await newBucket()];
    const off = await getLogging(source);
    expect(off.status).toBe(200);
    expect(off.headers['content-type']).toBe('application/xml');
    expect(off.text).toBe(`${DECL}<BucketLoggingStatus xmlns="${LOGGING_NS}"/>`);

    const put = await putLogging(source, enabled(target, 'logs/'));
    expect(put.status).toBe(200);
    expect(put.body.length).toBe(0);
    expect((await getLogging(source)).text).toBe(DECL + enabled(target, 'logs/'));

    expect((await putLogging(source, status())).status).toBe(200);
    expect((await getLogging(source)).text).toBe(`${DECL}<BucketLoggingStatus xmlns="${LOGGING_NS}"/>`);
  });

  it('refuses a target bucket that does not exist, or belongs to another account', async () => {
    const source = await newBucket();
    const missing = await putLogging(source, enabled('no-such-bucket', 'p/'));
    expect(missing.status).toBe(400);
    expect(s3Error(missing).code).toBe('InvalidTargetBucketForLogging');

    const account = await h.storage.accounts.create({ name: `logging-other-${seq}` });
    await h.storage.buckets.create({ accountId: account.id, name: 'other-accounts-bucket' });
    expect(s3Error(await putLogging(source, enabled('other-accounts-bucket', 'p/'))).code).toBe('InvalidTargetBucketForLogging');
    expect((await getLogging(source)).text).toBe(`${DECL}<BucketLoggingStatus xmlns="${LOGGING_NS}"/>`);
  });

  it.each([
    ['no document', '', 400, 'MissingRequestBodyError'],
    ['another document', '<LifecycleConfiguration/>', 400, 'MalformedXML'],
    ['no TargetPrefix', status('<LoggingEnabled><TargetBucket>x</TargetBucket></LoggingEnabled>'), 400, 'MalformedXML'],
    ['no TargetBucket', status('<LoggingEnabled><TargetPrefix>x</TargetPrefix></LoggingEnabled>'), 400, 'MalformedXML'],
    ['grants on the log objects', 'GRANTS', 501, 'NotImplemented'],
    ['partitioned log keys', 'PARTITIONED', 501, 'NotImplemented'],
  ])('refuses %s', async (_name, body, statusCode, code) => {
    const [source, target] = [await newBucket(), await newBucket()];
    const document =
      body === 'GRANTS'
        ? enabled(target, 'p/', '<TargetGrants><Grant><Grantee><ID>x</ID></Grantee><Permission>READ</Permission></Grant></TargetGrants>')
        : body === 'PARTITIONED'
          ? enabled(target, 'p/', '<TargetObjectKeyFormat><PartitionedPrefix><PartitionDateSource>EventTime</PartitionDateSource></PartitionedPrefix></TargetObjectKeyFormat>')
          : body;
    const res = await putLogging(source, document);
    expect({ status: res.status, code: s3Error(res).code }).toEqual({ status: statusCode, code });
  });

  it('accepts the default key format and an empty grant list', async () => {
    const [source, target] = [await newBucket(), await newBucket()];
    const res = await putLogging(source, enabled(target, 'p/', '<TargetGrants/><TargetObjectKeyFormat><SimplePrefix/></TargetObjectKeyFormat>'));
    expect(res.status).toBe(200);
  });

  it('is a bucket update: a reader may read it but not change it', async () => {
    const [source, target] = [await newBucket(), await newBucket()];
    const reader = await addUser(h, 'reader', `logging-reader-${seq}`);
    expect((await send(h, 'GET', `/${source}?logging`, { creds: reader })).status).toBe(200);
    const body = enabled(target, 'p/');
    const res = await send(h, 'PUT', `/${source}?logging`, { creds: reader, body, headers: { 'Content-MD5': md5Base64(body) } });
    expect(s3Error(res).code).toBe('AccessDenied');
  });

  it('records one line in the S3 format per request on a logged bucket, failures and strangers included', async () => {
    const [source, target, quiet] = [await newBucket(), await newBucket(), await newBucket()];
    await drainLines();
    expect((await putLogging(source, enabled(target, 'access/'))).status).toBe(200);

    const put = await putObject(h, source, 'dir/a b.txt', 'hello world', { 'User-Agent': 'wire-test/1.0' });
    const get = await send(h, 'GET', `/${source}/dir/a%20b.txt`, { headers: { Referer: 'https://app.example.com/page' } });
    const missing = await send(h, 'HEAD', `/${source}/missing`);
    const anonymous = await send(h, 'GET', `/${h.accountId}:${source}/dir/a%20b.txt`, { anonymous: true });
    const listing = await send(h, 'GET', `/${source}?list-type=2`);
    await putObject(h, quiet, 'k', 'not logged');
    expect([put.status, get.status, missing.status, anonymous.status, listing.status]).toEqual([200, 200, 404, 403, 200]);

    // Lines are recorded once each response is done; wait for all five.
    let lines: string[] = [];
    for (let i = 0; i < 100 && lines.length < 5; i++) {
      lines = lines.concat(await drainLines());
      if (lines.length < 5) await new Promise((r) => setTimeout(r, 20));
    }
    expect(lines).toHaveLength(5);
    const byRequestId = new Map(lines.map((line) => [logFields(line)[5], logFields(line)]));

    const putFields = byRequestId.get(String(put.headers['x-amz-request-id']))!;
    expect(putFields[0]).toBe(h.userId); // bucket owner
    expect(putFields[1]).toBe(source);
    expect(putFields[2]).toMatch(/^\[\d\d\/\w{3}\/\d{4}:\d\d:\d\d:\d\d \+0000\]$/);
    expect(putFields[3]).toBe('127.0.0.1');
    expect(putFields[4]).toBe(h.userId); // requester
    expect(putFields.slice(6, 13)).toEqual(['REST.PUT.OBJECT', 'dir/a%20b.txt', `"PUT /${source}/dir/a%20b.txt HTTP/1.1"`, '200', '-', '-', '11']);
    expect(putFields[13]).toMatch(/^\d+$/);
    expect(putFields[16]).toBe('"wire-test/1.0"');
    expect(putFields[18]).toBe(put.headers['x-amz-id-2']);
    expect(putFields.slice(19, 23)).toEqual(['SigV4', '-', 'AuthHeader', h.host]);

    const getFields = byRequestId.get(String(get.headers['x-amz-request-id']))!;
    expect(getFields.slice(6, 13)).toEqual(['REST.GET.OBJECT', 'dir/a%20b.txt', `"GET /${source}/dir/a%20b.txt HTTP/1.1"`, '200', '-', '11', '11']);
    expect(getFields[15]).toBe('"https://app.example.com/page"');

    const missingFields = byRequestId.get(String(missing.headers['x-amz-request-id']))!;
    expect(missingFields.slice(6, 12)).toEqual(['REST.HEAD.OBJECT', 'missing', `"HEAD /${source}/missing HTTP/1.1"`, '404', 'NoSuchKey', '-']);

    const anonymousFields = byRequestId.get(String(anonymous.headers['x-amz-request-id']))!;
    expect(anonymousFields[4]).toBe('-');
    expect(anonymousFields.slice(9, 11)).toEqual(['403', 'AccessDenied']);
    expect(anonymousFields.slice(19, 22)).toEqual(['-', '-', '-']);

    const listingFields = byRequestId.get(String(listing.headers['x-amz-request-id']))!;
    expect(listingFields.slice(6, 8)).toEqual(['REST.GET.BUCKET', '-']);

    const pending = await h.storage.accessLogs.claim(100, 60_000);
    expect(pending.records).toEqual([]);
  });
});
