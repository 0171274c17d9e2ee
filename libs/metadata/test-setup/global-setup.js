// jest globalSetup: make sure the migrated template database exists before any test file runs.
const fs = require('node:fs');
const { knex: knexFactory } = require('knex');
const { templateLocation, MIGRATIONS_DIR } = require('./template');

async function migrate(knex) {
  await knex.migrate.latest({ directory: MIGRATIONS_DIR, loadExtensions: ['.js'] });
}

async function preparePglite(dir) {
  if (fs.existsSync(dir)) return;
  // Build beside the final name and rename: concurrent runs never see a half-migrated template.
  const building = `${dir}.building-${process.pid}`;
  const knex = knexFactory({ client: require('knex-pglite'), connection: { filename: building } });
  try {
    await migrate(knex);
  } finally {
    await knex.destroy();
  }
  try {
    fs.renameSync(building, dir);
  } catch {
    fs.rmSync(building, { recursive: true, force: true }); // another run won the race
  }
}

async function preparePostgres(serverUrl, databaseName) {
  const admin = knexFactory({ client: 'pg', connection: serverUrl, pool: { min: 0, max: 1 } });
  try {
    const exists = await admin.raw('SELECT 1 FROM pg_database WHERE datname = ?', [databaseName]);
    if (exists.rows.length > 0) return;
    const building = `${databaseName}_b${process.pid}`;
    await admin.raw(`CREATE DATABASE ${building}`);
    const url = new URL(serverUrl);
    url.pathname = `/${building}`;
    const knex = knexFactory({ client: 'pg', connection: url.toString(), pool: { min: 0, max: 1 } });
    try {
      await migrate(knex);
    } finally {
      await knex.destroy();
    }
    try {
      await admin.raw(`ALTER DATABASE ${building} RENAME TO ${databaseName}`);
    } catch {
      await admin.raw(`DROP DATABASE IF EXISTS ${building}`); // another run won the race
    }
  } finally {
    await admin.destroy();
  }
}

module.exports = async () => {
  const location = templateLocation();
  if (location.kind === 'postgres') await preparePostgres(location.serverUrl, location.databaseName);
  else await preparePglite(location.dir);
};
