import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { measureSmallObjects } from './measure-small-objects';
import { renderSwiftReport, swiftJson } from './report-swift';
import { SwiftRawClient } from './swift-raw-client';

/** A fake Swift: v1 auth, then PUT/GET of objects in memory, refusing a missing or wrong token. */
function fakeSwift(): Promise<{ url: string; paths: string[]; close(): Promise<void> }> {
  const objects = new Map<string, Buffer>();
  const paths: string[] = [];
  const server = http.createServer((req, res) => {
    const { port } = server.address() as AddressInfo;
    if (req.url === '/auth/v1.0') {
      const ok = req.headers['x-auth-user'] === 'acct:user' && req.headers['x-auth-key'] === 'pw';
      res.writeHead(ok ? 200 : 401, ok ? { 'x-auth-token': 'tok', 'x-storage-url': `http://127.0.0.1:${port}/v1/AUTH_acct` } : {}).end();
      return;
    }
    paths.push(`${req.method} ${req.url}`);
    if (req.headers['x-auth-token'] !== 'tok') return void res.writeHead(401).end('no token');
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'PUT') {
        const body = Buffer.concat(chunks);
        objects.set(req.url!, body);
        res.writeHead(201, { etag: createHash('md5').update(body).digest('hex') }).end();
      } else if (objects.has(req.url!)) res.writeHead(200).end(objects.get(req.url!));
      else res.writeHead(404).end('Not Found');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, paths, close: () => new Promise((done) => server.close(() => done())) }),
    ),
  );
}

describe('SwiftRawClient (the benchmark\'s Swift ObjectClient)', () => {
  it('logs in once, then PUTs and GETs with the token under the storage URL; the 4 KiB measurement runs over it', async () => {
    const swift = await fakeSwift();
    try {
      const client = await SwiftRawClient.login({ endpoint: swift.url, user: 'acct:user', key: 'pw' });
      await client.createContainer('c');
      expect(await client.putObject('c', 'a b/c', Buffer.from('hello'))).toBe(createHash('md5').update('hello').digest('hex'));
      expect((await client.getObject('c', 'a b/c')).bytes).toBe(5);
      expect(swift.paths.slice(0, 3)).toEqual(['PUT /v1/AUTH_acct/c', 'PUT /v1/AUTH_acct/c/a%20b/c', 'GET /v1/AUTH_acct/c/a%20b/c']);
      await expect(client.getObject('c', 'missing')).rejects.toThrow(/HTTP 404/);
      const small = await measureSmallObjects(client, 'c', 20, 4, process.pid);
      expect(small.put.ops).toBe(20);
      expect(small.get.opsPerSec).toBeGreaterThan(0);
      await expect(SwiftRawClient.login({ endpoint: swift.url, user: 'acct:user', key: 'wrong' })).rejects.toThrow(/HTTP 401/);
    } finally {
      await swift.close();
    }
  });

  it('prints Swift beside S3 with the ratio, and nothing without Swift figures', () => {
    const cpu = { benchMs: 1, cpus: 2 };
    const transfer = (mibPerSec: number) => ({ bytes: 1, ms: 1, mibPerSec, cpu, etag: 'e', etagMatchesMd5: true, lengthMatches: true });
    const ops = (opsPerSec: number) => ({ ops: 1, ms: 1, opsPerSec, p50Ms: 1, p99Ms: 1, cpu });
    const s3 = { put: transfer(100), get: transfer(200), small: { put: ops(50), get: ops(80) }, concurrency: 16 };
    const swift = { put: transfer(50), get: transfer(200), small: { put: ops(100), get: ops(40) } };
    expect(renderSwiftReport(s3)).toBe('');
    expect(swiftJson(s3)).toEqual({ swift: null });
    const text = renderSwiftReport({ ...s3, swift });
    expect(text).toMatch(/PUT, single stream\s+\| 100\.0 MiB\/s \| 50\.0 MiB\/s\s+\| 0\.50/);
    expect(text).toMatch(/PUT 4 KiB, concurrency 16\s+\| 50 ops\/s\s+\| 100 ops\/s\s+\| 2\.00/);
    expect(swiftJson({ ...s3, swift }).swift).toMatchObject({ putMiBps: 50, swiftToS3: { putMiBps: 0.5, getMiBps: 1, put4kOpsPerSec: 2, get4kOpsPerSec: 0.5 } });
  });
});
