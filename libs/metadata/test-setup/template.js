// The migrated database template that every test file clones (PGlite dir copy, or
// CREATE DATABASE ... TEMPLATE on a server). Named by a hash of the migrations, so a changed
// schema gets a fresh template and concurrent jest runs share an up-to-date one.
// When DATABASE_URL is set, tests run against that Postgres server instead of PGlite.
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const MIGRATIONS_DIR = path.resolve(__dirname, '../../../migrations');

function schemaHash() {
  const hash = crypto.createHash('sha256');
  for (const file of fs.readdirSync(MIGRATIONS_DIR).sort()) {
    hash.update(file).update(fs.readFileSync(path.join(MIGRATIONS_DIR, file)));
  }
  return hash.digest('hex').slice(0, 12);
}

function templateLocation() {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) return { kind: 'postgres', serverUrl, databaseName: `gw_template_${schemaHash()}` };
  return { kind: 'pglite', dir: path.join(os.tmpdir(), `gw-pglite-template-${schemaHash()}`) };
}

module.exports = { templateLocation, MIGRATIONS_DIR };
