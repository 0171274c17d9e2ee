// The all-in-one gateway: every dialect on one port, the lifecycle worker in-process. This is
// what `npm start` runs.
import { bootstrapIdentity, openServices } from '@gw/auth';
import { ConfigError, loadConfig } from '@gw/config';
import { createLogger, serve } from '@gw/http';
import { createLifecycleWorker } from '@gw/lifecycle-worker';
import { DataDirLockedError } from '@gw/metadata';
import { startBanner } from './banner';
import { createGatewayApp } from './gateway-app';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, name: 'gateway' });
  // The all-in-one process migrates whatever store it runs on; split deployments run `npm run migrate`.
  const { storage, identity, tokens } = await openServices(config, { migrate: true });
  const boot = await bootstrapIdentity(storage.accounts, identity, config.bootstrap);
  const app = createGatewayApp({
    storage,
    identity,
    tokens,
    region: config.region,
    s3Domain: config.s3.domain,
    publicUrl: config.publicUrl,
    logger,
    trustedProxies: config.trustedProxies,
  });
  const worker = config.worker.enabled ? createLifecycleWorker({ storage, logger, ...config.worker }) : undefined;

  await serve(app, {
    host: config.host,
    port: config.port,
    logger,
    onShutdown: async () => {
      await worker?.stop();
      await storage.close();
    },
  });
  worker?.start();
  process.stdout.write(
    startBanner({ url: config.publicUrl, region: config.region, dataDir: config.dataDir, embedded: !config.database.url, boot }),
  );
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
