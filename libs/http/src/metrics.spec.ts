import express from 'express';
import { Registry } from 'prom-client';
import request from 'supertest';
import { createMetrics } from './metrics';

function appWith(metrics: ReturnType<typeof createMetrics>) {
  const app = express();
  app.use(metrics.middleware);
  app.get('/metrics', metrics.handler);
  app.put('/obj', async (req, res) => {
    for await (const _chunk of req);
    res.status(200).send('ok');
  });
  app.get('/missing', (_req, res) => res.status(404).send('no'));
  app.all('/any', (_req, res) => res.end());
  return app;
}

async function value(registry: Registry, name: string, labels: Record<string, string>): Promise<number | undefined> {
  const metric = await registry.getSingleMetric(name)!.get();
  return metric.values.find((v) => Object.entries(labels).every(([label, wanted]) => v.labels[label] === wanted))?.value;
}

describe('createMetrics', () => {
  it('counts requests, durations and body bytes per app, method and status', async () => {
    const metrics = createMetrics({ app: 's3', defaultMetrics: false });
    const app = appWith(metrics);
    await request(app).put('/obj').send('x'.repeat(1234)).expect(200);
    await request(app).put('/obj').send('abc').expect(200);
    await request(app).get('/missing').expect(404);

    const { registry } = metrics;
    expect(await value(registry, 'http_requests_total', { app: 's3', method: 'PUT', status: '200' })).toBe(2);
    expect(await value(registry, 'http_requests_total', { app: 's3', method: 'GET', status: '404' })).toBe(1);
    expect(await value(registry, 'http_request_bytes_total', { app: 's3', method: 'PUT' })).toBe(1237);
    expect(await value(registry, 'http_response_bytes_total', { app: 's3', method: 'PUT' })).toBe(4);
    const histogram = await registry.getSingleMetric('http_request_duration_seconds')!.get();
    const count = histogram.values.find(
      (v) => (v as { metricName?: string }).metricName === 'http_request_duration_seconds_count' && v.labels.status === '200',
    );
    expect(count?.value).toBe(2);
  });

  it('serves the Prometheus text format', async () => {
    const metrics = createMetrics({ app: 'swift' });
    const app = appWith(metrics);
    await request(app).get('/missing');
    const response = await request(app).get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.text).toContain('# TYPE http_requests_total counter');
    expect(response.text).toContain('http_requests_total{app="swift",method="GET",status="404"} 1');
    expect(response.text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(response.text).toContain('process_cpu_seconds_total'); // default metrics
  });

  it('gives every app its own registry unless told to share one', async () => {
    const a = createMetrics({ app: 'a' });
    const b = createMetrics({ app: 'b' });
    expect(a.registry).not.toBe(b.registry);
    await request(appWith(a)).get('/missing');
    expect(await value(b.registry, 'http_requests_total', { app: 'a' })).toBeUndefined();

    const shared = new Registry();
    const s3 = createMetrics({ app: 's3', registry: shared });
    const swift = createMetrics({ app: 'swift', registry: shared });
    await request(appWith(s3)).get('/missing');
    await request(appWith(swift)).get('/missing');
    await request(appWith(swift)).get('/missing');
    const text = await shared.metrics();
    expect(text).toContain('http_requests_total{app="s3",method="GET",status="404"} 1');
    expect(text).toContain('http_requests_total{app="swift",method="GET",status="404"} 2');
  });

  it('folds unknown methods into OTHER and keeps Swift COPY', async () => {
    const metrics = createMetrics({ app: 'x', defaultMetrics: false });
    const app = appWith(metrics);
    await request(app).copy('/any');
    await request(app).purge('/any');
    expect(await value(metrics.registry, 'http_requests_total', { method: 'COPY' })).toBe(1);
    expect(await value(metrics.registry, 'http_requests_total', { method: 'OTHER' })).toBe(1);
  });
});
