// The all-in-one gateway: every dialect on one port, the lifecycle worker in-process. This is
// what `npm start` runs.
import http from 'node:http';
import { bootstrapIdentity, openIdentity } from '@gw/auth';
import { ConfigError, loadConfig } from '@gw/config';
import { openStorage } from '@gw/core';
import { createLogger } from '@gw/http';
import { createLifecycleWorker } from '@gw/lifecycle-worker';
import { DataDirLockedError } from '@gw/metadata';
import { startBanner } from './banner';
import { createGatewayApp } from './gateway-app';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, name: 'gateway' });
  const storage = await openStorage({
    database: config.database,
    blob: config.blob,
    region: config.region,
    maxObjectSize: config.limits.maxObjectSize,
  });
  const identity = openIdentity(storage.ctx.db, config.secrets);
  const boot = await bootstrapIdentity(storage.accounts, identity, config.bootstrap);
  const app = createGatewayApp({ storage, identity, region: config.region, logger, trustedProxies: config.trustedProxies });

  const server = http.createServer(app);
  // Large objects take long: no overall request deadline, but headers must come promptly.
  server.requestTimeout = 0;
  server.headersTimeout = 60_000;
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });

  const worker = config.worker.enabled ? createLifecycleWorker({ storage, logger, ...config.worker }) : undefined;
  worker?.start();
  process.stdout.write(
    startBanner({ url: config.publicUrl, region: config.region, dataDir: config.dataDir, embedded: !config.database.url, boot }),
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    server.close();
    server.closeIdleConnections();
    await worker?.stop();
    await storage.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
