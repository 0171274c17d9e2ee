import request from 'supertest';
import { createLogger } from '@gw/http';
import { createKosApp } from './app';

describe('kos app', () => {
  const app = createKosApp({ logger: createLogger({ level: 'silent', name: 'test' }) });

  it('answers health checks', async () => {
    await request(app).get('/healthz').expect(200, { status: 'ok' });
    await request(app).get('/readyz').expect(200);
  });

  it('answers an unknown path with a JSON 404', async () => {
    const res = await request(app).get('/nothing/here').expect(404);
    expect(res.body).toEqual({ code: 'NotFound', message: 'No such resource.' });
  });
});
