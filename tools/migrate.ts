// `npm run migrate`: applies pending migrations to the configured store (DATABASE_URL, or the
// embedded one in DATA_DIR) and says what it did. With `--bootstrap` it also creates the first
// account and credentials when the store has none (what a split deployment's migrate job does).
import { bootstrapIdentity, openIdentity } from '@gw/auth';
import { loadConfig } from '@gw/config';
import { createStorage, DEFAULT_LIMITS } from '@gw/core';
import { FsBlobStore } from '@gw/blob';
import { migrateLatest, openDatabase } from '@gw/metadata';

async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase({ ...config.database, migrate: false });
  try {
    const applied = await migrateLatest(db.knex);
    const target = config.database.url ? 'the Postgres server' : config.database.embeddedDir;
    console.log(applied.length > 0 ? `Applied to ${target}:\n  ${applied.join('\n  ')}` : `${target} is up to date.`);
    if (process.argv.includes('--bootstrap')) {
      const storage = createStorage({ db, blobs: await FsBlobStore.open(config.blob.dir), region: config.region, limits: DEFAULT_LIMITS });
      const boot = await bootstrapIdentity(storage.accounts, openIdentity(db, config.secrets), config.bootstrap);
      if (boot?.firstStart) {
        console.log(`Created account ${boot.account.name} (${boot.account.id}), admin user ${boot.user.name}`);
        console.log(`  access key ${boot.accessKey}\n  secret key ${boot.secretKey}\n  password   ${boot.password}\n  console key ${boot.apiKey}`);
      }
    }
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
