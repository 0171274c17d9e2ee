import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { openIdentity, IdentityService } from '@gw/auth';
import { FsBlobStore } from '@gw/blob';
import { createStorage, DEFAULT_LIMITS, Storage } from '@gw/core';
import { createLogger } from '@gw/http';
import { createTestDatabase } from '@gw/metadata/testing';
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
  blobDir: string;
  close(): Promise<void>;
}

/**
 * A real gateway on an ephemeral loopback port, on its own database and blob dir, with one
 * account, an admin user and an S3 credential: what end-to-end tests point real clients at.
 */
export async function startTestGateway(): Promise<TestGateway> {
  const region = 'kr-central-2';
  const t = await createTestDatabase();
  const blobDir = `${t.dir}/blobs`;
  const storage = createStorage({ db: t.db, blobs: await FsBlobStore.open(blobDir), region, limits: DEFAULT_LIMITS });
  const identity = openIdentity(t.db, { masterKeyFile: `${t.dir}/master.key` });
  const account = await storage.accounts.create({ name: 'e2e' });
  const user = await identity.createUser({ accountId: account.id, name: 'tester', role: 'admin' });
  const { credential, secretKey } = await identity.createCredential({ userId: user.id });

  const app = createGatewayApp({ storage, identity, region, logger: createLogger({ level: 'silent', name: 'e2e' }) });
  const server = http.createServer(app);
  server.requestTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    region,
    accountId: account.id,
    userId: user.id,
    accessKey: credential.accessKey,
    secretKey,
    storage,
    identity,
    blobDir,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await t.cleanup();
    },
  };
}
