// Dependency direction of ARCHITECTURE.md, checked on the sources: apps -> libs, core -> metadata
// and blob, auth -> core and metadata; dialect apps never import each other, and protocol code
// never touches SQL drivers or the filesystem. Tests and test helpers may reach further.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** What each project may import from the workspace (`@gw/<name>`). */
const ALLOWED: Record<string, string[]> = {
  config: [],
  metadata: [],
  blob: [],
  core: ['metadata', 'blob'],
  auth: ['core', 'metadata'],
  lifecycle: ['core'],
  http: ['core'],
  's3-api': ['auth', 'core', 'http', 'config'],
  'swift-api': ['auth', 'core', 'http', 'config'],
  'v1ext-api': ['auth', 'core', 'http', 'config'],
  'kos-api': ['auth', 'core', 'http', 'config'],
  'lifecycle-worker': ['core', 'lifecycle', 'http', 'config'],
  gateway: ['auth', 'core', 'http', 'config', 'metadata', 'lifecycle-worker', 's3-api', 'swift-api', 'v1ext-api', 'kos-api'],
};

/** Packages only the storage layers may use: the way to the database and the disk. */
const STORAGE_MODULES = ['knex', 'pg', '@electric-sql/pglite', 'knex-pglite', 'node:fs', 'fs', 'node:fs/promises', 'fs/promises'];
const DIALECTS = ['s3-api', 'swift-api', 'v1ext-api', 'kos-api'];

function projectDir(name: string): string {
  const lib = path.join(ROOT, 'libs', name);
  return readdirSync(path.join(ROOT, 'libs')).includes(name) ? lib : path.join(ROOT, 'apps', name);
}

/** Production sources of a project: src/**.ts without specs and test helpers. */
function productionSources(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'testing') walk(full);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) out.push(full);
    }
  };
  walk(path.join(dir, 'src'));
  return out;
}

function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/(?:from|require\()\s*'([^']+)'/g)].map((m) => m[1]);
}

describe('module boundaries', () => {
  it.each(Object.keys(ALLOWED))('%s imports only what the architecture allows', (project) => {
    const violations: string[] = [];
    for (const file of productionSources(projectDir(project))) {
      for (const specifier of importsOf(file)) {
        const workspace = /^@gw\/([a-z0-9-]+)/.exec(specifier)?.[1];
        if (workspace && workspace !== project && !ALLOWED[project].includes(workspace)) {
          violations.push(`${path.relative(ROOT, file)} imports ${specifier}`);
        }
        if (DIALECTS.includes(project) && STORAGE_MODULES.includes(specifier)) {
          violations.push(`${path.relative(ROOT, file)} (protocol code) imports ${specifier}`);
        }
        if (specifier.startsWith('.') && !path.resolve(path.dirname(file), specifier).startsWith(projectDir(project) + path.sep)) {
          violations.push(`${path.relative(ROOT, file)} reaches outside its project: ${specifier}`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('knows every project', () => {
    const projects = [...readdirSync(path.join(ROOT, 'libs')), ...readdirSync(path.join(ROOT, 'apps'))].sort();
    expect(Object.keys(ALLOWED).sort()).toEqual(projects);
  });
});
