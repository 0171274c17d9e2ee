import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { createGatewayServer } from './expect-continue';
import type { Logger } from './logger';

export interface ServeOptions {
  host: string;
  port: number;
  logger: Logger;
  /** Runs after the server stopped accepting requests (stop workers, close stores). */
  onShutdown?: () => Promise<void>;
}

export interface RunningServer {
  server: http.Server;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves an app the way every process of the gateway does: no overall request deadline (a
 * large upload may take long) but prompt headers, keep-alive longer than common proxies', a
 * graceful shutdown on SIGINT/SIGTERM, and `100 Continue` only once the body is wanted (see
 * `deferContinue`).
 */
export async function serve(app: Express, options: ServeOptions): Promise<RunningServer> {
  const server = createGatewayServer(app);
  server.requestTimeout = 0;
  server.headersTimeout = 60_000;
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await stopped;
      await options.onShutdown?.();
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      options.logger.info({ signal }, 'shutting down');
      close().then(
        () => process.exit(0),
        (error) => {
          options.logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
  return { server, port: (server.address() as AddressInfo).port, close };
}
