import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export interface ListeningApp {
  url: string;
  /** `127.0.0.1:port`, the Host header clients send and sign. */
  host: string;
  port: number;
  close(): Promise<void>;
}

/** Serves an app on an ephemeral loopback port, as tests with real clients need. */
export async function listenOnLoopback(app: Express): Promise<ListeningApp> {
  const server = http.createServer(app);
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
