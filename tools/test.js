#!/usr/bin/env node
// `npm test`: every project's tests through Nx, on PGlite temp dirs (or on the Postgres server
// named by DATABASE_URL, as .ci/run does in its second pass). Extra arguments go to nx.
const { ensureDependencies, nx } = require('./lib/workspace');

ensureDependencies();
nx(['run-many', '-t', 'test', '--parallel=2', '--outputStyle=static', ...process.argv.slice(2)]);
