// Expect: 100-continue through the one-port gateway (path routing to each dialect app): the
// interim 100 comes only for uploads that will be accepted, on S3 and Swift alike, and the AWS
// SDK v3 (which sends Expect: 100-continue on large PutObject bodies) uploads and is refused
// as it should be.
import { createHash } from 'node:crypto';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { signRequestHeaders } from '@gw/auth';
import { sendExpectingContinue } from '@gw/http/testing';
import { errorOf } from './sdk-errors';
import { startTestGateway, TestGateway } from './start-test-gateway';
import { s3ClientFor, swiftSession, SwiftSession } from './swift-session';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('Expect: 100-continue through the gateway', () => {
  let gw: TestGateway;
  let s3: S3Client;
  let session: SwiftSession;
  const server = () => ({ host: '127.0.0.1', port: Number(new URL(gw.url).port) });
  const BODY = Buffer.alloc(512 * 1024, 'g');

  beforeAll(async () => {
    gw = await startTestGateway();
    s3 = s3ClientFor(gw);
    session = await swiftSession(gw, 'continue-password-1');
    await s3.send(new CreateBucketCommand({ Bucket: 'continued' }));
  });
  afterAll(async () => {
    s3?.destroy();
    await gw?.close();
  });

  const s3Put = (path: string, headers: Record<string, string> = {}) => {
    const signed = signRequestHeaders({
      method: 'PUT',
      url: gw.url + path,
      headers: { 'x-amz-content-sha256': sha256(BODY), ...headers },
      accessKeyId: gw.accessKey,
      secretKey: gw.secretKey,
      region: gw.region,
      service: 's3',
      now: new Date(),
    });
    return sendExpectingContinue(server(), { method: 'PUT', path, headers: { 'x-amz-content-sha256': sha256(BODY), ...headers, ...signed }, body: BODY });
  };

  it('S3: 100 then 200 for an accepted PUT, 404 without 100 for a missing bucket', async () => {
    expect(await s3Put('/continued/raw.bin')).toMatchObject({ continued: true, status: 200 });
    const refused = await s3Put('/missing-bucket/raw.bin');
    expect(refused).toMatchObject({ continued: false, status: 404, closedByServer: true });
    expect(refused.body).toContain('<Code>NoSuchBucket</Code>');
  });

  it('Swift: 100 then 201 for an accepted PUT, 401 without 100 for a bad token', async () => {
    const path = new URL(`${session.storageUrl}/continued/swift.bin`).pathname;
    expect(await sendExpectingContinue(server(), { method: 'PUT', path, headers: { 'X-Auth-Token': session.token }, body: BODY })).toMatchObject({ continued: true, status: 201 });
    const refused = await sendExpectingContinue(server(), { method: 'PUT', path, headers: { 'X-Auth-Token': 'expired' }, body: BODY });
    expect(refused).toMatchObject({ continued: false, status: 401, closedByServer: true });
  });

  it('the AWS SDK sends Expect: 100-continue on a large PutObject, which is stored; a refused one fails with the S3 error', async () => {
    const sent: Record<string, string>[] = [];
    s3.middlewareStack.add(
      (next) => async (args) => {
        sent.push({ ...(args.request as { headers: Record<string, string> }).headers });
        return next(args);
      },
      { step: 'finalizeRequest', priority: 'low', name: 'recordHeaders' },
    );
    const big = Buffer.alloc(3 * 1024 * 1024, 'a');
    await s3.send(new PutObjectCommand({ Bucket: 'continued', Key: 'sdk.bin', Body: big }));
    expect(sent.at(-1)?.expect ?? sent.at(-1)?.Expect).toBe('100-continue');
    const got = await s3.send(new GetObjectCommand({ Bucket: 'continued', Key: 'sdk.bin' }));
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(big)).toBe(true);

    const error = await errorOf(s3.send(new PutObjectCommand({ Bucket: 'missing-bucket', Key: 'sdk.bin', Body: big })));
    expect(error.name).toBe('NoSuchBucket');
    s3.middlewareStack.remove('recordHeaders');
  });
});
