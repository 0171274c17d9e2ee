import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { listenOnLoopback, ListeningApp, sendExpectingContinue } from '@gw/http/testing';
import { createPathProxy } from './path-proxy';

describe('createPathProxy', () => {
  let upstream: ListeningApp;
  let proxy: http.Server;
  let port: number;
  const at = () => ({ host: '127.0.0.1', port });

  beforeAll(async () => {
    const app = express();
    app.put('/refuse', (_req, res) => void res.status(403).send('denied'));
    app.put('/accept', (req, res) => {
      let bytes = 0;
      req.on('data', (chunk: Buffer) => (bytes += chunk.length));
      req.on('end', () => res.send(`stored ${bytes} via ${req.headers['x-forwarded-for']}`));
    });
    upstream = await listenOnLoopback(app);
    proxy = createPathProxy(() => 'app', { app: { host: '127.0.0.1', port: upstream.port } });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    port = (proxy.address() as AddressInfo).port;
  });
  afterAll(async () => {
    proxy.closeAllConnections();
    await new Promise((resolve) => proxy.close(resolve));
    await upstream.close();
  });

  it('relays the upstream 100 Continue, then the body, then the answer', async () => {
    const res = await sendExpectingContinue(at(), { method: 'PUT', path: '/accept', body: Buffer.alloc(100_000, 1) });
    expect(res).toMatchObject({ continued: true, status: 200, closedByServer: false });
    expect(res.body).toMatch(/^stored 100000 via 127\.0\.0\.1/);
  });

  it('relays a refusal without 100 and never asks for the body', async () => {
    const res = await sendExpectingContinue(at(), { method: 'PUT', path: '/refuse', body: Buffer.alloc(100_000, 1) });
    expect(res).toMatchObject({ continued: false, status: 403, body: 'denied', closedByServer: true });
    expect(res.raw).not.toContain('100 Continue');
  });

  it('streams bodies of requests without Expect', async () => {
    const text = await new Promise<string>((resolve, reject) => {
      const req = http.request({ ...at(), method: 'PUT', path: '/accept' }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve(body));
      });
      req.on('error', reject);
      req.end('plain');
    });
    expect(text).toMatch(/^stored 5 via/);
  });
});
