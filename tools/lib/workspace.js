// Plain-Node helpers for the root scripts (`npm start`, `npm test`): they must run on a fresh
// clone before any dependency is installed, so they use nothing but Node itself.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');

/** Nx without a daemon, cloud or interactive UI: what CI and a fresh machine need. */
const NX_ENV = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', NX_SKIP_NX_CACHE: process.env.NX_SKIP_NX_CACHE ?? '' };

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...NX_ENV, ...options.env } });
  if (result.error) throw result.error;
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Installs the npm dependencies when they are missing or older than the lock file. */
function ensureDependencies() {
  const marker = path.join(ROOT, 'node_modules/.package-lock.json');
  const lock = path.join(ROOT, 'package-lock.json');
  const installed = fs.existsSync(marker) && fs.existsSync(path.join(ROOT, 'node_modules/.bin/nx'));
  if (installed && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  console.log('Installing dependencies (npm install)...');
  run('npm', ['install', '--no-audit', '--no-fund']);
}

function nx(args) {
  run(path.join(ROOT, 'node_modules/.bin/nx'), args);
}

module.exports = { ROOT, NX_ENV, run, ensureDependencies, nx };
