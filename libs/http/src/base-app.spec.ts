import request from 'supertest';
import { createBaseApp } from './base-app';
import { createErrorMiddleware } from './error-middleware';
import { createMetrics } from './metrics';
import { queryParams } from './query-params';
import { getRequestContext } from './request-context';
import { captureLogger } from './testing';

describe('createBaseApp', () => {
  it('mounts health, readiness and metrics routes', async () => {
    const { logger } = captureLogger();
    const app = createBaseApp({ name: 's3', logger, ready: async () => Promise.reject(new Error('migrating')) });
    expect((await request(app).get('/healthz').expect(200)).body).toEqual({ status: 'ok' });
    expect((await request(app).get('/readyz').expect(503)).body).toEqual({ status: 'unavailable', reason: 'migrating' });
    const metrics = await request(app).get('/metrics').expect(200);
    expect(metrics.text).toContain('http_requests_total{app="s3",method="GET",status="200"} 1');
  });

  it('runs request context, access log and metrics for dialect routes', async () => {
    const { logger, lines } = captureLogger();
    const metrics = createMetrics({ app: 'swift', defaultMetrics: false });
    const app = createBaseApp({ name: 'swift', logger, metrics, trustedProxies: ['127.0.0.1', '::1'] });
    app.get('/v1/:account', (_req, res) => {
      res.set('X-Trans-Id', getRequestContext(res).requestId).send('listing');
    });
    const response = await request(app).get('/v1/AUTH_a').set('X-Forwarded-For', '198.51.100.3').expect(200);
    expect(lines()[0]).toMatchObject({
      app: 'swift',
      reqId: response.headers['x-trans-id'],
      url: '/v1/AUTH_a',
      status: 200,
      remoteAddress: '198.51.100.3',
    });
    expect(await metrics.registry.metrics()).toContain('http_requests_total{app="swift",method="GET",status="200"} 1');
  });

  it('sends no x-powered-by and no express ETag', async () => {
    const app = createBaseApp({ name: 'kos', logger: captureLogger().logger });
    app.get('/thing', (_req, res) => res.json({ a: 1 }));
    const response = await request(app).get('/thing').expect(200);
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers.etag).toBeUndefined();
  });

  it('routes case-sensitively and strictly, as object keys need', async () => {
    const app = createBaseApp({ name: 's3', logger: captureLogger().logger });
    app.get('/bucket/Key', (_req, res) => res.send('upper'));
    app.get('/bucket/folder/', (_req, res) => res.send('folder'));
    await request(app).get('/bucket/key').expect(404);
    await request(app).get('/bucket/Key').expect(200, 'upper');
    await request(app).get('/bucket/folder').expect(404);
    await request(app).get('/bucket/folder/').expect(200, 'folder');
  });

  it('parses queries flat, and queryParams keeps the query as sent', async () => {
    const app = createBaseApp({ name: 's3', logger: captureLogger().logger });
    app.get('/b', (req, res) => {
      res.json({ query: req.query, params: [...queryParams(req)] });
    });
    const response = await request(app).get('/b?uploads&a[b]=1&tag=x&tag=y&prefix=a%2Bb+c').expect(200);
    expect(response.body.query).toEqual({ uploads: '', 'a[b]': '1', tag: ['x', 'y'], prefix: 'a+b c' });
    expect(response.body.params).toEqual([
      ['uploads', ''],
      ['a[b]', '1'],
      ['tag', 'x'],
      ['tag', 'y'],
      ['prefix', 'a+b c'],
    ]);
  });

  it('leaves the error middleware to the dialect, after its routes', async () => {
    const { logger } = captureLogger();
    const app = createBaseApp({ name: 'v1ext', logger });
    app.get('/boom', () => {
      throw new Error('bug');
    });
    app.use(createErrorMiddleware({ logger, render: (error, _req, res) => void res.status(error.status).json({ code: error.code }) }));
    expect((await request(app).get('/boom').expect(500)).body).toEqual({ code: 'InternalError' });
  });
});
