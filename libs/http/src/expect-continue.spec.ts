import http from 'node:http';
import net from 'node:net';
import express from 'express';
import { GatewayError } from '@gw/core';
import { createBaseApp } from './base-app';
import { createErrorMiddleware } from './error-middleware';
import { captureLogger, listenOnLoopback, ListeningApp, sendExpectingContinue } from './testing';

describe('deferContinue (through listenOnLoopback, which serves like serve())', () => {
  let server: ListeningApp;
  const at = () => ({ host: '127.0.0.1', port: server.port });

  beforeAll(async () => {
    const app = createBaseApp({ name: 'test', logger: captureLogger().logger });
    app.put('/refuse', (_req, res) => void res.status(403).send('denied'));
    app.put('/accept', (req, res) => {
      let bytes = 0;
      req.on('data', (chunk: Buffer) => (bytes += chunk.length));
      req.on('end', () => res.send(`stored ${bytes}`));
    });
    app.put('/iterate', async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
      res.send(Buffer.concat(chunks).toString());
    });
    app.put('/raw', express.raw({ type: () => true }), (req, res) => void res.send(`raw ${(req.body as Buffer).length}`));
    app.delete('/nobody', (_req, res) => void res.status(204).end());
    app.put('/missing', async () => {
      throw new GatewayError('NoSuchBucket');
    });
    app.use(createErrorMiddleware({ render: (error, _req, res) => void res.status(error.status).send(error.code), logger: captureLogger().logger }));
    server = await listenOnLoopback(app);
  });
  afterAll(() => server.close());

  it('sends 100 Continue when the handler reads the body, then the answer, and keeps the connection', async () => {
    const res = await sendExpectingContinue(at(), { method: 'PUT', path: '/accept', body: 'hello body' });
    expect(res).toMatchObject({ continued: true, status: 200, body: 'stored 10', closedByServer: false });
  });

  it.each(['/iterate', '/raw'])('every way of reading the body asks for it (%s)', async (path) => {
    const res = await sendExpectingContinue(at(), { method: 'PUT', path, body: 'abc' });
    expect(res).toMatchObject({ continued: true, status: 200 });
    expect(res.body).toMatch(/abc|raw 3/);
  });

  it('answers a refused upload without 100, without the body, and closes the connection', async () => {
    const res = await sendExpectingContinue(at(), { method: 'PUT', path: '/refuse', body: Buffer.alloc(64 * 1024, 1) });
    expect(res).toMatchObject({ continued: false, status: 403, body: 'denied', closedByServer: true });
    expect(res.headers.connection).toBe('close');
    // No late 100 once Node drains the unread request after the answer.
    expect(res.raw).not.toContain('100 Continue');
  });

  it('answers an error thrown before the body is read without 100 (the error middleware)', async () => {
    const res = await sendExpectingContinue(at(), { method: 'PUT', path: '/missing', body: 'x' });
    expect(res).toMatchObject({ continued: false, status: 404, body: 'NoSuchBucket', closedByServer: true });
  });

  it('gives a request without a body its 100 at once and keeps the connection', async () => {
    const res = await sendExpectingContinue(at(), { method: 'DELETE', path: '/nobody', body: '' });
    expect(res).toMatchObject({ continued: true, status: 204, closedByServer: false });
  });

  it('still serves clients that send the body without waiting (node:http client)', async () => {
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request({ ...at(), method: 'PUT', path: '/accept', headers: { expect: '100-continue', 'content-length': '4' } }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, text }));
      });
      req.on('error', reject);
      req.end('sent');
    });
    expect(answer).toEqual({ status: 200, text: 'stored 4' });
  });

  it('leaves requests without Expect alone', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(server.port, '127.0.0.1', () => socket.write('PUT /accept HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok'));
      let raw = '';
      socket.on('data', (c: Buffer) => (raw += c.toString()));
      socket.on('end', () => resolve(raw));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(answer).not.toContain('100 Continue');
    expect(answer).toContain('stored 2');
  });
});
