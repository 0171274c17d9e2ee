import express from 'express';
import request from 'supertest';
import { healthRoutes } from './health-routes';
import { captureLogger } from './testing';

function appWith(ready: () => Promise<void>, timeoutMs?: number) {
  const captured = captureLogger();
  const app = express();
  app.use(healthRoutes({ ready, timeoutMs, logger: captured.logger }));
  app.use((_req, res) => res.status(404).send('dialect'));
  return { app, ...captured };
}

describe('healthRoutes', () => {
  it('answers /healthz without asking the readiness check', async () => {
    const ready = jest.fn(async () => {
      throw new Error('database down');
    });
    const response = await request(appWith(ready).app).get('/healthz').expect(200);
    expect(response.body).toEqual({ status: 'ok' });
    expect(response.headers['cache-control']).toBe('no-store');
    expect(ready).not.toHaveBeenCalled();
  });

  it('answers /readyz 200 when ready() resolves', async () => {
    const response = await request(appWith(async () => {}).app).get('/readyz').expect(200);
    expect(response.body).toEqual({ status: 'ready' });
  });

  it('answers /readyz 503 with the reason when ready() rejects or throws, and logs it', async () => {
    const { app, lines } = appWith(async () => {
      throw new Error('database down');
    });
    const response = await request(app).get('/readyz').expect(503);
    expect(response.body).toEqual({ status: 'unavailable', reason: 'database down' });
    expect(lines()[0]).toMatchObject({ level: 'warn', msg: 'readiness check failed', err: { message: 'database down' } });

    const sync = appWith((() => {
      throw new Error('not started');
    }) as () => Promise<void>);
    expect((await request(sync.app).get('/readyz').expect(503)).body.reason).toBe('not started');
  });

  it('answers /readyz 503 when ready() hangs', async () => {
    const response = await request(appWith(() => new Promise<void>(() => {}), 50).app).get('/readyz').expect(503);
    expect(response.body).toEqual({ status: 'unavailable', reason: 'readiness check timed out after 50 ms' });
  });

  it('takes exact paths only', async () => {
    const { app } = appWith(async () => {});
    await request(app).get('/healthz/').expect(404);
    await request(app).get('/HEALTHZ').expect(404);
    await request(app).get('/healthz/key').expect(404);
    await request(app).head('/healthz').expect(200);
  });
});
