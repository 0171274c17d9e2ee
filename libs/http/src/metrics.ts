// Prometheus metrics of an app, on a registry of its own (never prom-client's global one), so
// tests can build many apps in one process. Apps that share a process (the all-in-one gateway)
// pass one registry: the metrics are then shared and told apart by the `app` label.
import type { RequestHandler, Response } from 'express';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { countRequestBytes, countResponseBytes } from './byte-counters';
import { recordedStatus } from './response-status';

export interface MetricsOptions {
  app: string;
  /** Shared registry; a new one when omitted. */
  registry?: Registry;
  /** Process metrics (CPU, memory, event loop lag, ...). Default true. */
  defaultMetrics?: boolean;
}

export interface Metrics {
  /** Mount before the routes. */
  middleware: RequestHandler;
  /** GET /metrics in the Prometheus text format. */
  handler: RequestHandler;
  registry: Registry;
}

// Any other method (clients may send anything) is counted as OTHER, so a client cannot create
// label values without bound. COPY is Swift's.
const METHODS = new Set(['GET', 'HEAD', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'PATCH', 'COPY']);

// Object transfers last far longer than API calls, hence the long tail.
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

const counted = new WeakSet<Response>();

export function createMetrics({ app, registry = new Registry(), defaultMetrics = true }: MetricsOptions): Metrics {
  const requests = shared(registry, 'http_requests_total', () =>
    new Counter({ name: 'http_requests_total', help: 'HTTP requests handled', labelNames: ['app', 'method', 'status'], registers: [registry] }),
  );
  const duration = shared(registry, 'http_request_duration_seconds', () =>
    new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from receiving a request to the end of its response',
      labelNames: ['app', 'method', 'status'],
      buckets: DURATION_BUCKETS,
      registers: [registry],
    }),
  );
  const requestBytes = shared(registry, 'http_request_bytes_total', () =>
    new Counter({ name: 'http_request_bytes_total', help: 'Request body bytes read', labelNames: ['app', 'method'], registers: [registry] }),
  );
  const responseBytes = shared(registry, 'http_response_bytes_total', () =>
    new Counter({ name: 'http_response_bytes_total', help: 'Response body bytes sent', labelNames: ['app', 'method'], registers: [registry] }),
  );
  if (defaultMetrics && !registry.getSingleMetric('process_cpu_seconds_total')) collectDefaultMetrics({ register: registry });

  const middleware: RequestHandler = (req, res, next) => {
    // Counted once even when an app built on this is mounted inside another one.
    if (counted.has(res)) return next();
    counted.add(res);
    const started = process.hrtime.bigint();
    const received = countRequestBytes(req);
    const sent = countResponseBytes(res);
    res.once('close', () => {
      const method = METHODS.has(req.method) ? req.method : 'OTHER';
      const status = String(recordedStatus(res));
      requests.inc({ app, method, status });
      duration.observe({ app, method, status }, Number(process.hrtime.bigint() - started) / 1e9);
      requestBytes.inc({ app, method }, received());
      responseBytes.inc({ app, method }, sent());
    });
    next();
  };

  const handler: RequestHandler = async (_req, res) => {
    const text = await registry.metrics();
    res.set('Content-Type', registry.contentType).set('Cache-Control', 'no-store').send(text);
  };

  return { middleware, handler, registry };
}

function shared<T>(registry: Registry, name: string, create: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? create();
}
