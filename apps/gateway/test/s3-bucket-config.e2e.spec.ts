// Lifecycle, CORS and access logging end to end: @aws-sdk/client-s3 (SDK defaults: it sends a
// CRC32 checksum instead of Content-MD5) sets and reads each configuration; HeadObject reports
// the expiration; a browser-style preflight goes through fetch; requests on a logged bucket come
// out, after the worker's delivery, as a log object in the target bucket in S3's log format.
import {
  CreateBucketCommand,
  DeleteBucketCorsCommand,
  DeleteBucketLifecycleCommand,
  GetBucketCorsCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLoggingCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutBucketCorsCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketLoggingCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { createLifecycleWorker } from '@gw/lifecycle-worker';
import { errorOf } from './sdk-errors';
import { startTestGateway, TestGateway } from './start-test-gateway';

describe('S3 lifecycle, CORS and logging with @aws-sdk/client-s3', () => {
  let gw: TestGateway;
  let s3: S3Client;

  beforeAll(async () => {
    gw = await startTestGateway();
    s3 = new S3Client({ endpoint: gw.url, region: gw.region, forcePathStyle: true, credentials: { accessKeyId: gw.accessKey, secretAccessKey: gw.secretKey } });
  });
  afterAll(async () => {
    s3?.destroy();
    await gw?.close();
  });

  it('PutBucketLifecycleConfiguration / GetBucketLifecycleConfiguration / DeleteBucketLifecycle, and HeadObject Expiration', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'sdk-lifecycle' }));
    const missing = await errorOf(s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: 'sdk-lifecycle' })));
    expect(missing.name).toBe('NoSuchLifecycleConfiguration');
    expect(missing.$metadata.httpStatusCode).toBe(404);

    const Rules = [
      { ID: 'expire-logs', Filter: { Prefix: 'logs/' }, Status: 'Enabled' as const, Expiration: { Days: 7 } },
      {
        ID: 'tagged',
        Filter: { And: { Prefix: 'tmp/', Tags: [{ Key: 'class', Value: 'scratch' }] } },
        Status: 'Enabled' as const,
        Expiration: { Date: new Date('2031-01-01T00:00:00Z') },
        NoncurrentVersionExpiration: { NoncurrentDays: 3 },
      },
      { ID: 'uploads', Filter: { Prefix: '' }, Status: 'Disabled' as const, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 2 } },
    ];
    await s3.send(new PutBucketLifecycleConfigurationCommand({ Bucket: 'sdk-lifecycle', LifecycleConfiguration: { Rules } }));
    const got = await s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: 'sdk-lifecycle' }));
    expect(got.Rules).toEqual(Rules);

    await s3.send(new PutObjectCommand({ Bucket: 'sdk-lifecycle', Key: 'logs/today.log', Body: 'line' }));
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'sdk-lifecycle', Key: 'logs/today.log' }));
    const expiry = new Date(Math.ceil((head.LastModified!.getTime() + 7 * 86_400_000) / 86_400_000) * 86_400_000);
    expect(head.Expiration).toBe(`expiry-date="${expiry.toUTCString()}", rule-id="expire-logs"`);

    const invalid = await errorOf(
      s3.send(new PutBucketLifecycleConfigurationCommand({ Bucket: 'sdk-lifecycle', LifecycleConfiguration: { Rules: [{ ID: 'x', Filter: { Prefix: '' }, Status: 'Enabled', Expiration: { Days: 0 } }] } })),
    );
    expect(invalid.name).toBe('InvalidArgument');
    expect(invalid.message).toBe("'Days' for Expiration action must be a positive integer");

    await s3.send(new DeleteBucketLifecycleCommand({ Bucket: 'sdk-lifecycle' }));
    expect((await errorOf(s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: 'sdk-lifecycle' })))).name).toBe('NoSuchLifecycleConfiguration');
    expect((await s3.send(new HeadObjectCommand({ Bucket: 'sdk-lifecycle', Key: 'logs/today.log' }))).Expiration).toBeUndefined();
  });

  it('PutBucketCors / GetBucketCors / DeleteBucketCors, and a browser preflight', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'sdk-cors' }));
    expect((await errorOf(s3.send(new GetBucketCorsCommand({ Bucket: 'sdk-cors' })))).name).toBe('NoSuchCORSConfiguration');

    const CORSRules = [
      { ID: 'app', AllowedOrigins: ['https://app.example.com'], AllowedMethods: ['GET', 'PUT'], AllowedHeaders: ['*'], ExposeHeaders: ['ETag'], MaxAgeSeconds: 3000 },
    ];
    await s3.send(new PutBucketCorsCommand({ Bucket: 'sdk-cors', CORSConfiguration: { CORSRules } }));
    expect((await s3.send(new GetBucketCorsCommand({ Bucket: 'sdk-cors' }))).CORSRules).toEqual(CORSRules);

    const preflight = await fetch(`${gw.url}/${gw.accountId}:sdk-cors/upload.bin`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'content-type,x-amz-date' },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, PUT');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type, x-amz-date');
    expect(preflight.headers.get('access-control-max-age')).toBe('3000');

    const refused = await fetch(`${gw.url}/${gw.accountId}:sdk-cors/upload.bin`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.test', 'Access-Control-Request-Method': 'PUT' },
    });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('<Code>AccessForbidden</Code>');

    await s3.send(new DeleteBucketCorsCommand({ Bucket: 'sdk-cors' }));
    expect((await errorOf(s3.send(new GetBucketCorsCommand({ Bucket: 'sdk-cors' })))).name).toBe('NoSuchCORSConfiguration');
  });

  it('PutBucketLogging / GetBucketLogging, and the worker delivers the access log into the target bucket', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'sdk-logged' }));
    await s3.send(new CreateBucketCommand({ Bucket: 'sdk-log-target' }));
    expect((await s3.send(new GetBucketLoggingCommand({ Bucket: 'sdk-logged' }))).LoggingEnabled).toBeUndefined();
    const wrong = await errorOf(
      s3.send(new PutBucketLoggingCommand({ Bucket: 'sdk-logged', BucketLoggingStatus: { LoggingEnabled: { TargetBucket: 'nowhere', TargetPrefix: 'x/' } } })),
    );
    expect(wrong.name).toBe('InvalidTargetBucketForLogging');

    await s3.send(new PutBucketLoggingCommand({ Bucket: 'sdk-logged', BucketLoggingStatus: { LoggingEnabled: { TargetBucket: 'sdk-log-target', TargetPrefix: 'access/' } } }));
    expect((await s3.send(new GetBucketLoggingCommand({ Bucket: 'sdk-logged' }))).LoggingEnabled).toEqual({ TargetBucket: 'sdk-log-target', TargetPrefix: 'access/' });

    await s3.send(new PutObjectCommand({ Bucket: 'sdk-logged', Key: 'photo.jpg', Body: 'jpeg bytes' }));
    await (await s3.send(new GetObjectCommand({ Bucket: 'sdk-logged', Key: 'photo.jpg' }))).Body!.transformToString();
    expect((await errorOf(s3.send(new GetObjectCommand({ Bucket: 'sdk-logged', Key: 'absent' })))).name).toBe('NoSuchKey');
    // Each line is recorded once its response is done, which the client may see first.
    for (let i = 0; i < 100 && (await gw.storage.accessLogs.pending()) < 4; i++) await new Promise((r) => setTimeout(r, 20));

    const logger = { info: jest.fn(), error: jest.fn() };
    await createLifecycleWorker({ storage: gw.storage, logger, gcIntervalMs: 60_000, sweepGraceMs: 3_600_000, logDeliveryIntervalMs: 60_000 }).runAllOnce();
    expect(logger.error).not.toHaveBeenCalled();

    const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'sdk-log-target', Prefix: 'access/' }));
    expect(listed.Contents?.map((o) => o.Key)).toEqual([expect.stringMatching(/^access\/\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d-[0-9A-F]{16}$/)]);
    const log = await (await s3.send(new GetObjectCommand({ Bucket: 'sdk-log-target', Key: listed.Contents![0].Key! }))).Body!.transformToString();
    const lines = log.trimEnd().split('\n');
    // GetBucketLogging right after logging was turned on is the first request logged.
    expect(lines.map((line) => line.split(' ')[7])).toEqual(['REST.GET.LOGGING_STATUS', 'REST.PUT.OBJECT', 'REST.GET.OBJECT', 'REST.GET.OBJECT']);
    const format = new RegExp(
      `^${gw.userId} sdk-logged \\[\\d\\d/\\w{3}/\\d{4}:\\d\\d:\\d\\d:\\d\\d \\+0000\\] 127\\.0\\.0\\.1 ${gw.userId} [0-9A-F]{16} REST\\.GET\\.OBJECT absent ` +
        '"GET /sdk-logged/absent(\\?x-id=GetObject)? HTTP/1\\.1" 404 NoSuchKey \\d+ - \\d+ \\d+ "-" "[^"]*aws-sdk-js[^"]*" - \\S+ SigV4 - AuthHeader 127\\.0\\.0\\.1:\\d+ - - -$',
    );
    expect(lines[3]).toMatch(format);
  });
});
