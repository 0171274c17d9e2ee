// End to end with @aws-sdk/client-s3: temporary credentials from STS AssumeRoleWithWebIdentity
// (called with fetch: @aws-sdk/client-sts is not a dependency) used with their session token,
// and virtual-host-style addressing as the SDK does it by default for a custom endpoint
// (`forcePathStyle: false`: the bucket goes into the Host).
import { createHash, randomBytes } from 'node:crypto';
import dns from 'node:dns';
import http from 'node:http';
import { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { TOKEN_KINDS } from '@gw/auth';
import { errorOf } from './sdk-errors';
import { startTestGateway, TestGateway } from './start-test-gateway';

const md5 = (data: Buffer | string) => createHash('md5').update(data).digest('hex');
const DOMAIN = 'localhost';

/** The SessionToken, SecretAccessKey, Expiration and AccessKeyId of an STS answer. */
function credentialsOf(xml: string) {
  const field = (name: string): string => {
    const match = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml);
    if (!match) throw new Error(`no <${name}> in ${xml}`);
    return match[1];
  };
  return { accessKeyId: field('AccessKeyId'), secretAccessKey: field('SecretAccessKey'), sessionToken: field('SessionToken'), expiration: new Date(field('Expiration')) };
}

describe('STS temporary credentials and virtual-host addressing with @aws-sdk/client-s3', () => {
  let gw: TestGateway;
  let port: string;

  beforeAll(async () => {
    gw = await startTestGateway({ s3Domain: DOMAIN });
    port = new URL(gw.url).port;
  });
  afterAll(async () => {
    await gw?.close();
  });

  async function assumeRole(): Promise<ReturnType<typeof credentialsOf>> {
    const { token } = await gw.tokens.issue({ userId: gw.userId, kind: TOKEN_KINDS.authToken, ttlSeconds: 600 });
    const res = await fetch(`${gw.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ Action: 'AssumeRoleWithWebIdentity', Version: '2011-06-15', WebIdentityToken: token, DurationSeconds: '900' }),
    });
    const text = await res.text();
    expect(res.status).toBe(200);
    return credentialsOf(text);
  }

  it('uses STS credentials with their session token for S3 calls, and not without it', async () => {
    const temp = await assumeRole();
    expect(temp.expiration.getTime() - Date.now()).toBeGreaterThan(890_000);
    const s3 = new S3Client({ endpoint: gw.url, region: gw.region, forcePathStyle: true, credentials: temp });
    try {
      await s3.send(new CreateBucketCommand({ Bucket: 'temporary' }));
      const body = randomBytes(64 * 1024);
      await s3.send(new PutObjectCommand({ Bucket: 'temporary', Key: 'stream.bin', Body: Readable.from([body]), ContentLength: body.length }));
      const got = await s3.send(new GetObjectCommand({ Bucket: 'temporary', Key: 'stream.bin' }));
      expect(md5(Buffer.from(await got.Body!.transformToByteArray()))).toBe(md5(body));
      const list = await s3.send(new ListObjectsV2Command({ Bucket: 'temporary' }));
      expect(list.Contents?.map((c) => c.Key)).toEqual(['stream.bin']);
    } finally {
      s3.destroy();
    }

    const { sessionToken: _dropped, ...withoutToken } = temp;
    const bare = new S3Client({ endpoint: gw.url, region: gw.region, forcePathStyle: true, credentials: withoutToken });
    try {
      const error = await errorOf(bare.send(new ListObjectsV2Command({ Bucket: 'temporary' })));
      expect([error.name, error.$metadata.httpStatusCode]).toEqual(['AccessDenied', 403]);
    } finally {
      bare.destroy();
    }
  });

  it('refuses STS credentials whose session was revoked (InvalidToken)', async () => {
    const temp = await assumeRole();
    const row = await gw.storage.ctx.db.knex('credentials').where({ access_key: temp.accessKeyId }).first();
    await gw.tokens.revoke(row.token_jti);
    const s3 = new S3Client({ endpoint: gw.url, region: gw.region, forcePathStyle: true, credentials: temp });
    try {
      const error = await errorOf(s3.send(new ListObjectsV2Command({ Bucket: 'temporary' })));
      expect([error.name, error.$metadata.httpStatusCode]).toEqual(['InvalidToken', 400]);
    } finally {
      s3.destroy();
    }
  });

  it('works in virtual-host style: the SDK puts the bucket in the Host', async () => {
    // `*.localhost` does not resolve through this machine's resolver: send every name to loopback.
    const lookup = ((_hostname: string, options: dns.LookupOptions, callback: (...args: unknown[]) => void) =>
      dns.lookup('127.0.0.1', options, callback as never)) as unknown as http.AgentOptions['lookup'];
    const agent = new http.Agent({ lookup, keepAlive: true });
    const s3 = new S3Client({
      endpoint: `http://${DOMAIN}:${port}`,
      region: gw.region,
      forcePathStyle: false,
      credentials: { accessKeyId: gw.accessKey, secretAccessKey: gw.secretKey },
      requestHandler: { httpAgent: agent },
    });
    const hosts: string[] = [];
    s3.middlewareStack.add(
      (next) => async (args) => {
        hosts.push((args.request as { hostname: string }).hostname);
        return next(args);
      },
      { step: 'finalizeRequest', name: 'recordHost' },
    );
    try {
      await s3.send(new CreateBucketCommand({ Bucket: 'vhost-sdk' }));
      const body = randomBytes(200 * 1024);
      await s3.send(new PutObjectCommand({ Bucket: 'vhost-sdk', Key: 'dir/a b.bin', Body: Readable.from([body]), ContentLength: body.length }));
      const got = await s3.send(new GetObjectCommand({ Bucket: 'vhost-sdk', Key: 'dir/a b.bin' }));
      expect(md5(Buffer.from(await got.Body!.transformToByteArray()))).toBe(md5(body));
      const list = await s3.send(new ListObjectsV2Command({ Bucket: 'vhost-sdk', Prefix: 'dir/' }));
      expect(list.Contents?.map((c) => c.Key)).toEqual(['dir/a b.bin']);
      // The bucket the Host named is the account's bucket of that name, as path style sees it.
      expect((await gw.storage.buckets.list(gw.accountId)).map((b) => b.name)).toContain('vhost-sdk');
      await s3.send(new DeleteObjectCommand({ Bucket: 'vhost-sdk', Key: 'dir/a b.bin' }));
      await s3.send(new DeleteBucketCommand({ Bucket: 'vhost-sdk' }));
      expect(new Set(hosts)).toEqual(new Set([`vhost-sdk.${DOMAIN}`]));
    } finally {
      s3.destroy();
      agent.destroy();
    }
  });
});
