// The server access log middleware against a fake downstream and a fake core: one line per
// request on a logged bucket, in the S3 format, with what the request lifecycle published.
import express, { Express } from 'express';
import request from 'supertest';
import type { BucketRecord, LoggingConfiguration, Storage } from '@gw/core';
import type { Principal } from '@gw/auth';
import { noteRequestFacts } from '../routing/request-facts';
import { resolveTarget } from '../request/target';
import { s3ServerAccessLog } from './server-access-log';

const OWNER = 'b'.repeat(32);
const USER = 'c'.repeat(32);
const bucket = (name: string, logging?: LoggingConfiguration): BucketRecord =>
  ({ id: 1, accountId: 'a'.repeat(32), name, ownerUserId: OWNER, region: 'r', versioning: 'Unversioned', objectCount: 0, bytesUsed: 0, meta: {}, logging, createdAt: new Date() }) as BucketRecord;
const logged = bucket('logged', { targetBucket: 'logs', targetPrefix: 'p/' });
const quiet = bucket('quiet');
const principal: Principal = { kind: 'user', accountId: 'a'.repeat(32), accountName: 'a', userId: USER, userName: 'u', role: 'admin' };

function setup(): { app: Express; lines: { bucket: string; line: string }[] } {
  const lines: { bucket: string; line: string }[] = [];
  const storage = { accessLogs: { record: async (b: BucketRecord, line: string) => void lines.push({ bucket: b.name, line }) } } as unknown as Storage;
  const app = express();
  app.use((_req, res, next) => {
    res.locals.requestId = '0123456789ABCDEF';
    next();
  });
  app.use(s3ServerAccessLog({ storage }));
  app.use((req, res) => {
    const target = resolveTarget(req.path);
    const found = target.bucketName === 'logged' ? logged : target.bucketName === 'quiet' ? quiet : undefined;
    noteRequestFacts(res, { target, bucket: found, principal: req.headers.authorization ? principal : { kind: 'anonymous' } });
    if (req.query.missing !== undefined) {
      noteRequestFacts(res, { errorCode: 'NoSuchKey' });
      res.status(404).end('<Error/>');
      return;
    }
    res.setHeader('x-amz-version-id', 'v1');
    res.setHeader('x-amz-id-2', 'host-id');
    res.setHeader('Content-Length', '11');
    res.end('hello world');
  });
  return { app, lines };
}

/** Lines are recorded once the response is closed: wait for them. */
async function eventually(lines: unknown[], count: number): Promise<void> {
  for (let i = 0; i < 100 && lines.length < count; i++) await new Promise((r) => setTimeout(r, 10));
}

describe('s3ServerAccessLog', () => {
  it('records one S3-format line per request on a logged bucket', async () => {
    const { app, lines } = setup();
    await request(app)
      .get('/logged/dir/a%20b.txt?versionId=v1&X-Amz-Signature=secret')
      .set('Authorization', 'AWS4-HMAC-SHA256 Credential=x')
      .set('User-Agent', 'test-agent/1.0')
      .set('Referer', 'https://app.example.com/');
    await eventually(lines, 1);
    expect(lines).toHaveLength(1);
    expect(lines[0].bucket).toBe('logged');
    expect(lines[0].line).toMatch(
      new RegExp(
        `^${OWNER} logged \\[\\d\\d/\\w{3}/\\d{4}:\\d\\d:\\d\\d:\\d\\d \\+0000\\] 127\\.0\\.0\\.1 ${USER} 0123456789ABCDEF REST\\.GET\\.OBJECT dir/a%20b\\.txt ` +
          `"GET /logged/dir/a%20b\\.txt\\?versionId=v1&X-Amz-Signature=REDACTED HTTP/1\\.1" 200 - 11 11 \\d+ \\d+ "https://app\\.example\\.com/" "test-agent/1\\.0" v1 host-id SigV4 - AuthHeader 127\\.0\\.0\\.1:\\d+ - - -$`,
      ),
    );
  });

  it('records failures and anonymous callers with - where S3 writes it', async () => {
    const { app, lines } = setup();
    await request(app).head('/logged/k?missing');
    await eventually(lines, 1);
    const words = lines[0].line.split(' ');
    expect(words[5]).toBe('-'); // requester
    expect(words[7]).toBe('REST.HEAD.OBJECT');
    expect(lines[0].line).toContain(' 404 NoSuchKey - - ');
  });

  it('records nothing for a bucket that is not logged, or when no bucket was reached', async () => {
    const { app, lines } = setup();
    await request(app).get('/quiet/k');
    await request(app).get('/');
    await new Promise((r) => setTimeout(r, 50));
    expect(lines).toEqual([]);
  });
});
