import express, { Request, Response } from 'express';
import request from 'supertest';
import { GatewayError } from '@gw/core';
import { createErrorMiddleware } from './error-middleware';
import { requestContext } from './request-context';
import { captureLogger } from './testing';

function render(error: GatewayError, _req: Request, res: Response): void {
  res.status(error.status).json({ code: error.code, message: error.message, requestId: res.locals.requestId });
}

function appWith(routes: (app: express.Express) => void, renderer = render) {
  const captured = captureLogger();
  const app = express();
  app.use(requestContext(captured.logger));
  routes(app);
  app.use(createErrorMiddleware({ render: renderer, logger: captured.logger }));
  return { app, ...captured };
}

describe('createErrorMiddleware', () => {
  it('renders GatewayErrors with the dialect renderer', async () => {
    const { app } = appWith((a) =>
      a.get('/b/k', () => {
        throw new GatewayError('NoSuchKey', undefined, { Key: 'k' });
      }),
    );
    const response = await request(app).get('/b/k').expect(404);
    expect(response.body).toEqual({ code: 'NoSuchKey', message: 'The specified key does not exist.', requestId: expect.any(String) });
  });

  it('renders anything else as InternalError and logs it with its stack and request id', async () => {
    const { app, lines } = appWith((a) =>
      a.get('/', async () => {
        throw new TypeError('cannot read properties of undefined');
      }),
    );
    const response = await request(app).get('/').expect(500);
    expect(response.body.code).toBe('InternalError');
    expect(response.body.message).not.toContain('undefined'); // internals never reach the client
    const line = lines().find((l) => l.msg === 'unhandled error')!;
    expect(line).toMatchObject({ level: 'error', reqId: response.body.requestId });
    expect((line.err as { stack: string }).stack).toContain('TypeError: cannot read properties of undefined');
  });

  it('maps client mistakes caught by express parsers to 4xx', async () => {
    const { app, lines } = appWith((a) => {
      a.post('/json', express.json({ limit: 10 }), (_req, res) => res.end());
      a.get('/b/:key', (_req, res) => res.end());
    });
    expect((await request(app).post('/json').set('Content-Type', 'application/json').send('{"a":').expect(400)).body.code).toBe(
      'MalformedJSON',
    );
    expect(
      (await request(app).post('/json').set('Content-Type', 'application/json').send('{"a":"0123456789"}').expect(400)).body.code,
    ).toBe('EntityTooLarge');
    expect((await request(app).get('/b/%E0%A4%A').expect(400)).body.code).toBe('InvalidRequest');
    expect(lines().filter((l) => l.level === 'error')).toEqual([]);
  });

  it('destroys the connection when the response already started', async () => {
    const { app, lines } = appWith((a) =>
      a.get('/stream', (_req, res, next) => {
        res.status(200).set('Content-Length', '100');
        res.write('first bytes');
        setImmediate(() => next(new Error('disk read failed')));
      }),
    );
    const failure = await request(app)
      .get('/stream')
      .then(
        () => undefined,
        (error: Error) => error,
      );
    // Jest runs tests in another realm, so match on the shape rather than instanceof Error.
    expect(failure).toMatchObject({ message: expect.stringMatching(/aborted|hang up|ECONNRESET/) });
    expect(lines().map((l) => l.msg)).toEqual(['unhandled error', 'error after the response started; destroying the connection']);
  });

  it('falls back to a bare 500 when the renderer itself throws', async () => {
    const { app, lines } = appWith(
      (a) =>
        a.get('/', () => {
          throw new GatewayError('AccessDenied');
        }),
      () => {
        throw new Error('renderer bug');
      },
    );
    const response = await request(app).get('/').expect(500);
    expect(response.text).toBe('');
    expect(lines().find((l) => l.msg === 'error renderer failed')).toBeDefined();
  });

  it('logs 5xx gateway errors as warnings and client errors at debug', async () => {
    const { app, lines } = appWith((a) => {
      a.get('/busy', () => {
        throw new GatewayError('SlowDown');
      });
      a.get('/denied', () => {
        throw new GatewayError('AccessDenied');
      });
    });
    await request(app).get('/busy').expect(503);
    await request(app).get('/denied').expect(403);
    expect(lines().map((l) => [l.level, l.msg])).toEqual([
      ['warn', 'request failed'],
      ['debug', 'client error'],
    ]);
  });

  it('works without a request context', async () => {
    const captured = captureLogger();
    const app = express();
    app.get('/', () => {
      throw new Error('early');
    });
    app.use(createErrorMiddleware({ render, logger: captured.logger }));
    await request(app).get('/').expect(500);
    expect(captured.lines()[0]).toMatchObject({ msg: 'unhandled error' });
  });
});
