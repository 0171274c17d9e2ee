// `npm run admin -- <command>`: process wiring of the operator CLI (argv, config, opening and
// closing the stores, exit status). The commands themselves live in run-admin.ts.
import { openIdentity } from '@gw/auth';
import { ConfigError, loadConfig } from '@gw/config';
import { OpenedStorage, openStorage } from '@gw/core';
import { DataDirLockedError } from '@gw/metadata';
import { AdminDeps, EXIT_FAILED, runAdmin } from './run-admin';

async function main(): Promise<number> {
  let storage: OpenedStorage | undefined;
  const open = async (): Promise<AdminDeps> => {
    const config = loadConfig();
    storage = await openStorage({ database: config.database, blob: config.blob, region: config.region, secrets: config.secrets });
    return { storage, identity: openIdentity(storage.ctx.db, config.secrets) };
  };
  try {
    return await runAdmin(process.argv.slice(2), open, {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
    });
  } finally {
    await storage?.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${describe(error)}\n`);
    process.exitCode = EXIT_FAILED;
  },
);

function describe(error: unknown): string {
  // Deployment problems an operator fixes: the message is the whole story, no stack.
  if (error instanceof ConfigError || error instanceof DataDirLockedError) return error.message;
  const pg = error as { code?: string; message?: string };
  if (pg.code === '42P01') return `The database has no gateway schema (${pg.message}). Run the migrations first: npm run migrate.`;
  if (pg.code === 'ECONNREFUSED') return `Cannot reach the database server: ${pg.message}`;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
