// CORS as a browser enforces it: headless Chromium on a page served from another origin fetches
// objects from a real gateway. The bucket's CORS rules (set here with the AWS SDK's
// PutBucketCors: one model for every dialect) decide: the Swift GET with an X-Auth-Token (a
// non-simple header, so the browser sends a preflight first) succeeds for an allowed origin and
// is blocked by the browser (fetch rejects with a TypeError) for another origin or a bucket
// without rules; an error answer stays readable for an allowed origin; an anonymous S3 GET of a
// public-read object on /{accountId}:{bucket}/key (a simple request) is allowed the same way.
// Needs /usr/bin/chromium (CI installs it): without it the suite says so and skips.
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateBucketCommand, PutBucketAclCommand, PutBucketCorsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Browser, chromium, Page } from 'playwright-core';
import { startTestGateway, TestGateway } from './start-test-gateway';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) console.warn(`cors-browser.e2e: ${CHROMIUM} is missing, so the browser CORS test is SKIPPED (install chromium to run it).`);

type FetchOutcome = { status: number; body: string } | { error: string };

(available ? describe : describe.skip)('CORS in a real browser (headless Chromium)', () => {
  let gw: TestGateway;
  let s3: S3Client;
  let pageServer: http.Server;
  let pageOrigin: string;
  let browser: Browser;
  let page: Page;
  let token: string;

  beforeAll(async () => {
    gw = await startTestGateway();
    pageServer = http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>app</title><p>app page</p>'));
    await new Promise<void>((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
    pageOrigin = `http://127.0.0.1:${(pageServer.address() as AddressInfo).port}`;

    s3 = new S3Client({ endpoint: gw.url, region: gw.region, forcePathStyle: true, credentials: { accessKeyId: gw.accessKey, secretAccessKey: gw.secretKey } });
    const rule = (origin: string) => ({ AllowedOrigins: [origin], AllowedMethods: ['GET'], AllowedHeaders: ['x-auth-token'], ExposeHeaders: ['ETag'], MaxAgeSeconds: 60 });
    const buckets: [name: string, allowedOrigin: string | undefined, publicRead: boolean][] = [
      ['web', pageOrigin, false],
      ['elsewhere', 'https://other.example.com', true],
      ['nocors', undefined, false],
      ['public-web', pageOrigin, true],
    ];
    for (const [bucket, origin, publicRead] of buckets) {
      await s3.send(new CreateBucketCommand({ Bucket: bucket }));
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'hello.txt', Body: `hello from ${bucket}`, ContentType: 'text/plain' }));
      if (origin) await s3.send(new PutBucketCorsCommand({ Bucket: bucket, CORSConfiguration: { CORSRules: [rule(origin)] } }));
      if (publicRead) await s3.send(new PutBucketAclCommand({ Bucket: bucket, ACL: 'public-read' }));
    }
    token = (await gw.tokens.issue({ userId: gw.userId, kind: 'auth', ttlSeconds: 600 })).token;

    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage();
    await page.goto(`${pageOrigin}/`);
  });
  afterAll(async () => {
    await browser?.close();
    s3?.destroy();
    await new Promise((resolve) => pageServer?.close(resolve));
    await gw?.close();
  });

  /** `fetch(url)` run by the page, as its own script would. */
  const fetchFromPage = (url: string, headers: Record<string, string> = {}): Promise<FetchOutcome> =>
    page.evaluate(
      async ([target, sent]) => {
        try {
          const res = await fetch(target, { headers: sent });
          return { status: res.status, body: await res.text() };
        } catch (error) {
          return { error: `${(error as Error).name}: ${(error as Error).message}` };
        }
      },
      [url, headers] as const,
    );
  const swiftUrl = (bucket: string, key: string) => `${gw.url}/v1/AUTH_${gw.accountId}/${bucket}/${key}`;

  it('serves the page from another origin than the gateway', () => {
    expect(new URL(pageOrigin).origin).not.toBe(new URL(gw.url).origin);
  });

  it('lets the page read an object through Swift with an X-Auth-Token when the bucket allows its origin', async () => {
    expect(await fetchFromPage(swiftUrl('web', 'hello.txt'), { 'X-Auth-Token': token })).toEqual({ status: 200, body: 'hello from web' });
  });

  it('lets the page read an error of an allowed origin (the error answer carries the headers too)', async () => {
    expect(await fetchFromPage(swiftUrl('web', 'missing.txt'), { 'X-Auth-Token': token })).toMatchObject({ status: 404 });
    expect(await fetchFromPage(swiftUrl('web', 'hello.txt'), { 'X-Auth-Token': 'not-a-token' })).toMatchObject({ status: 401 });
  });

  it('is blocked by the browser when the bucket allows only another origin, or has no CORS rules', async () => {
    for (const bucket of ['elsewhere', 'nocors']) {
      expect(await fetchFromPage(swiftUrl(bucket, 'hello.txt'), { 'X-Auth-Token': token })).toEqual({ error: expect.stringMatching(/^TypeError/) });
    }
  });

  it('lets the page read a public-read object anonymously through S3 /{accountId}:{bucket}/key only when its origin is allowed', async () => {
    expect(await fetchFromPage(`${gw.url}/${gw.accountId}:public-web/hello.txt`)).toEqual({ status: 200, body: 'hello from public-web' });
    expect(await fetchFromPage(`${gw.url}/${gw.accountId}:elsewhere/hello.txt`)).toEqual({ error: expect.stringMatching(/^TypeError/) });
  });
});

if (!available) {
  describe('CORS in a real browser', () => {
    it.skip(`SKIPPED: ${CHROMIUM} is missing`, () => undefined);
  });
}
