import type { Express, Request, Response } from 'express';
import type { IdentityService, TokenService } from '@gw/auth';
import { openTestWorld } from '@gw/auth/testing';
import type { Storage } from '@gw/core';
import { createLogger } from '@gw/http';
import { listenOnLoopback } from '@gw/http/testing';
import { createGatewayApp } from '../src/gateway-app';

export interface TestGateway {
  url: string;
  region: string;
  accountId: string;
  userId: string;
  accessKey: string;
  secretKey: string;
  storage: Storage;
  identity: IdentityService;
  tokens: TokenService;
  blobDir: string;
  close(): Promise<void>;
}

/**
 * A real gateway on an ephemeral loopback port, on its own database and blob dir, with one
 * account, an admin user and an S3 credential: what end-to-end tests point real clients at.
 */
export async function startTestGateway(options: { s3Domain?: string; trustedProxies?: readonly string[] } = {}): Promise<TestGateway> {
  const world = await openTestWorld({ accountName: 'e2e' });
  // The public URL is the server's own, known once it listens: the app is built on first request.
  let app: Express | undefined;
  const build = () =>
    createGatewayApp({ ...world, s3Domain: options.s3Domain, trustedProxies: options.trustedProxies, publicUrl: server.url, logger: createLogger({ level: 'silent', name: 'e2e' }) });
  const server = await listenOnLoopback(((req: Request, res: Response) => (app ??= build())(req, res)) as unknown as Express);
  return {
    ...world,
    url: server.url,
    async close() {
      await server.close();
      await world.close();
    },
  };
}
