import { Router } from 'express';
import type { Logger } from './logger';

export interface HealthOptions {
  /** Resolves when the app can serve requests (database reachable, ...); throws the reason otherwise. */
  ready: () => Promise<void>;
  /** A check that hangs counts as a failure after this long. Default 5000. */
  timeoutMs?: number;
  /** Where failed readiness checks are logged. */
  logger?: Logger;
}

/**
 * GET /healthz: the process is up (liveness; never touches dependencies, so a database outage
 * does not get every replica restarted). GET /readyz: `ready()` passed (readiness).
 */
export function healthRoutes({ ready, timeoutMs = 5000, logger }: HealthOptions): Router {
  // Exact paths only: anything else, such as /healthz/key, stays with the dialect's routes.
  const router = Router({ caseSensitive: true, strict: true });
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    res.set('Cache-Control', 'no-store');
    try {
      await withTimeout(ready, timeoutMs);
      res.json({ status: 'ready' });
    } catch (error) {
      logger?.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'unavailable', reason: error instanceof Error ? error.message : String(error) });
    }
  });
  return router;
}

async function withTimeout(check: () => Promise<void>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`readiness check timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    // Promise.resolve().then: a check that throws synchronously is a failure like any other.
    await Promise.race([Promise.resolve().then(check), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
