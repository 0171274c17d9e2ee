#!/usr/bin/env node
// `npm start`: install what is missing, build, then run the all-in-one gateway (it migrates
// the embedded store itself and prints the endpoint and credentials).
const { spawn } = require('node:child_process');
const path = require('node:path');
const { ROOT, ensureDependencies, nx } = require('./lib/workspace');

ensureDependencies();
nx(['run', 'gateway:build', '--outputStyle=static']);

const gateway = spawn(process.execPath, [path.join(ROOT, 'apps/gateway/dist/main.js')], { cwd: ROOT, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => gateway.kill(signal));
gateway.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
