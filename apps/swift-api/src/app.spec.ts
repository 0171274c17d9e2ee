import request from 'supertest';
import { createLogger } from '@gw/http';
import { createSwiftApp } from './app';

describe('swift app', () => {
  const app = createSwiftApp({ logger: createLogger({ level: 'silent', name: 'test' }) });

  it('answers health checks and exposes metrics', async () => {
    await request(app).get('/healthz').expect(200, { status: 'ok' });
    const metrics = await request(app).get('/metrics').expect(200);
    expect(metrics.text).toContain('http_requests_total');
  });

  it('answers an unknown path with a Swift text 404', async () => {
    const res = await request(app).get('/v1/AUTH_x/c/o').expect(404);
    expect(res.text).toBe('Not Found');
  });
});
