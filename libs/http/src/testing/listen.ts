import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { createGatewayServer } from '../expect-continue';

export interface ListeningApp {
  url: string;
  /** `127.0.0.1:port`, the Host header clients send and sign. */
  host: string;
  port: number;
  close(): Promise<void>;
}

/** Serves an app on an ephemeral loopback port, as tests with real clients need (the way `serve` does). */
export async function listenOnLoopback(app: Express): Promise<ListeningApp> {
  const server = createGatewayServer(app);
  server.requestTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    port,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
