import express from 'express';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import request from 'supertest';
import { accessLog } from './access-log';
import { requestContext } from './request-context';
import { captureLogger } from './testing';

function appWith(options: Parameters<typeof accessLog>[1] = {}) {
  const captured = captureLogger();
  const app = express();
  app.use(requestContext(captured.logger), accessLog(captured.logger, options));
  return { app, ...captured };
}

describe('accessLog', () => {
  it('logs one line per request with method, path, status, sizes, duration, id and client address', async () => {
    const { app, lines } = appWith();
    app.put('/bucket/key', async (req, res) => {
      for await (const _chunk of req); // consume the body
      res.status(201).send('stored!');
    });
    await request(app).put('/bucket/key?tagging').send('0123456789').expect(201);
    expect(lines()).toHaveLength(1);
    expect(lines()[0]).toEqual(
      expect.objectContaining({
        msg: 'request',
        level: 'info',
        reqId: expect.stringMatching(/^[0-9A-F]{16}$/),
        method: 'PUT',
        url: '/bucket/key?tagging',
        status: 201,
        bytesReceived: 10,
        bytesSent: 7,
        durationMs: expect.any(Number),
        remoteAddress: expect.stringMatching(/^(127\.0\.0\.1|::1)$/),
      }),
    );
    expect(lines()[0]).not.toHaveProperty('aborted');
  });

  it('counts streamed and chunked bodies, and nothing for HEAD', async () => {
    const { app, lines } = appWith();
    app.post('/upload', (req, res) => {
      req.resume();
      req.on('end', () => pipeline(Readable.from([Buffer.alloc(1000), 'é']), res));
    });
    app.head('/x', (_req, res) => res.set('Content-Length', '5').end());
    await new Promise<void>((resolve, reject) => {
      const server = app.listen(0, () => {
        const { port } = server.address() as AddressInfo;
        const req = http.request({ port, method: 'POST', path: '/upload' }, (res) => {
          res.resume();
          res.on('end', () => server.close(() => resolve()));
        });
        req.on('error', reject);
        req.write(Buffer.alloc(300));
        req.end(Buffer.alloc(200)); // no Content-Length: chunked
      });
    });
    await request(app).head('/x').expect(200);
    expect(lines()[0]).toMatchObject({ method: 'POST', bytesReceived: 500, bytesSent: 1002 });
    expect(lines()[1]).toMatchObject({ method: 'HEAD', bytesSent: 0 });
  });

  it('redacts query string secrets', async () => {
    const { app, lines } = appWith();
    app.get('/b/k', (_req, res) => res.end());
    await request(app).get('/b/k?X-Amz-Credential=AKIA%2Fx&X-Amz-Signature=deadbeef&versionId=3');
    expect(lines()[0].url).toBe('/b/k?X-Amz-Credential=REDACTED&X-Amz-Signature=REDACTED&versionId=3');
  });

  it('logs the forwarded client address only behind a trusted proxy', async () => {
    const trusted = appWith({ trustedProxies: ['127.0.0.1', '::1'] });
    const untrusted = appWith();
    for (const { app } of [trusted, untrusted]) app.get('/', (_req, res) => res.end());
    await request(trusted.app).get('/').set('X-Forwarded-For', '203.0.113.7');
    await request(untrusted.app).get('/').set('X-Forwarded-For', '203.0.113.7');
    expect(trusted.lines()[0].remoteAddress).toBe('203.0.113.7');
    expect(untrusted.lines()[0].remoteAddress).not.toBe('203.0.113.7');
  });

  it('logs a request the client abandoned as 499 aborted', async () => {
    const { app, lines } = appWith();
    let arrived!: () => void;
    const handlerReached = new Promise<void>((resolve) => (arrived = resolve));
    app.put('/slow', () => arrived()); // never answers
    const server = app.listen(0);
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const req = http.request({ port, method: 'PUT', path: '/slow', headers: { 'Content-Length': '100' } });
    req.on('error', () => {});
    req.write('partial');
    await handlerReached;
    req.destroy();
    while (lines().length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => server.close(resolve));
    expect(lines()[0]).toMatchObject({ method: 'PUT', url: '/slow', status: 499, aborted: true });
  });

  it('logs once when mounted twice', async () => {
    const { app, logger, lines } = appWith();
    const inner = express();
    inner.use(accessLog(logger));
    inner.get('/', (_req, res) => res.end());
    app.use(inner);
    await request(app).get('/');
    expect(lines()).toHaveLength(1);
  });
});
