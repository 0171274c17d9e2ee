// The lifecycle worker as its own process (docker compose runs it beside the dialect apps).
import { loadConfig } from '@gw/config';
import { openStorage } from '@gw/core';
import { createLogger } from '@gw/http';
import { createLifecycleWorker } from './worker';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, name: 'lifecycle-worker' });
  // The master key too: delivering access logs writes objects, encrypted in an encrypted bucket.
  const storage = await openStorage({ database: config.database, blob: config.blob, region: config.region, secrets: config.secrets });
  const worker = createLifecycleWorker({ storage, logger, ...config.worker });
  worker.start();
  logger.info({}, 'lifecycle worker started');
  const stop = async () => {
    await worker.stop();
    await storage.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
