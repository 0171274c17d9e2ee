import express from 'express';
import request from 'supertest';
import { getRequestContext, newRequestId, requestContext } from './request-context';
import { captureLogger } from './testing';

describe('requestContext', () => {
  it('makes ids of 16 uppercase hex characters, different every time', () => {
    const ids = new Set(Array.from({ length: 1000 }, newRequestId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[0-9A-F]{16}$/);
  });

  it('gives each request a context with the id on res.locals and on a child logger', async () => {
    const { logger, lines } = captureLogger();
    const app = express();
    app.use(requestContext(logger));
    app.get('/', (_req, res) => {
      const context = getRequestContext(res);
      context.logger.info('inside');
      res.json({ id: context.requestId, local: res.locals.requestId, startedAt: context.startedAt, elapsed: context.elapsedMs() });
    });
    const first = await request(app).get('/').expect(200);
    const second = await request(app).get('/').expect(200);
    expect(first.body.id).toMatch(/^[0-9A-F]{16}$/);
    expect(first.body.local).toBe(first.body.id);
    expect(second.body.id).not.toBe(first.body.id);
    expect(first.body.elapsed).toBeGreaterThanOrEqual(0);
    expect(Date.now() - Date.parse(first.body.startedAt)).toBeLessThan(10_000);
    expect(lines().map((line) => line.reqId)).toEqual([first.body.id, second.body.id]);
  });

  it('sets no protocol headers', async () => {
    const app = express();
    app.use(requestContext(captureLogger().logger));
    app.get('/', (_req, res) => res.end());
    const response = await request(app).get('/');
    expect(Object.keys(response.headers).filter((name) => /request-id|trans-id/i.test(name))).toEqual([]);
  });

  it('keeps the outer context when an app is mounted inside another', async () => {
    const { logger } = captureLogger();
    const inner = express();
    inner.use(requestContext(logger));
    inner.get('/x', (_req, res) => res.json({ id: getRequestContext(res).requestId }));
    const outer = express();
    let outerId = '';
    outer.use(requestContext(logger), (_req, res, next) => {
      outerId = getRequestContext(res).requestId;
      next();
    });
    outer.use(inner);
    const response = await request(outer).get('/x').expect(200);
    expect(response.body.id).toBe(outerId);
  });

  it('says so when the middleware is missing', async () => {
    const app = express();
    app.get('/', (_req, res) => {
      getRequestContext(res);
      res.end();
    });
    app.use((error: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      res.status(500).send(error.message);
    });
    const response = await request(app).get('/').expect(500);
    expect(response.text).toContain('requestContext() middleware is not mounted');
  });
});
