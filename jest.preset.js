// Shared jest settings for every project: SWC transform (fast, no type check: `build` type-checks),
// workspace aliases straight to sources, and the PGlite template prepared once per run.
const path = require('node:path');

const root = __dirname;
const aliases = require('./tsconfig.base.json').compilerOptions.paths;
const moduleNameMapper = {};
for (const [name, [target]] of Object.entries(aliases)) {
  moduleNameMapper['^' + name + '$'] = path.join(root, target);
  // Test helpers a lib offers other projects (`@gw/metadata/testing`), never part of its build.
  moduleNameMapper['^' + name + '/testing$'] = path.join(root, path.dirname(target), 'testing/index.ts');
}

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)s$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/'],
  moduleNameMapper,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  globalSetup: path.join(root, 'libs/metadata/test-setup/global-setup.js'),
  testTimeout: 60000,
  maxWorkers: 2,
};
