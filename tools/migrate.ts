// `npm run migrate`: applies pending migrations to the configured store (DATABASE_URL, or the
// embedded one in DATA_DIR) and says what it did.
import { loadConfig } from '@gw/config';
import { migrateLatest, openDatabase } from '@gw/metadata';

async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase({ ...config.database, migrate: false });
  try {
    const applied = await migrateLatest(db.knex);
    const target = config.database.url ? 'the Postgres server' : config.database.embeddedDir;
    console.log(applied.length > 0 ? `Applied to ${target}:\n  ${applied.join('\n  ')}` : `${target} is up to date.`);
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
