#!/usr/bin/env node
// Builds one project and what it depends on: `node tools/lib/build.js gateway`.
const { nx } = require('./workspace');

nx(['run', `${process.argv[2] ?? 'gateway'}:build`, '--outputStyle=static']);
