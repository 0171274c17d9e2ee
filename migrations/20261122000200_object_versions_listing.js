// ListObjectVersions pages through every version of a bucket by key, newest first within a key,
// and resumes after a (key, version) pair. Row ids grow with each write, so `id DESC` is S3's
// "newest first"; this index makes a page, and finding a key's newest remaining version after a
// version is deleted, cost what they return.

const STATEMENTS = [`CREATE INDEX objects_versions ON objects (bucket_id, key, id DESC)`];

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  // One statement per call: PGlite's extended protocol takes a single command.
  for (const statement of STATEMENTS) await knex.raw(statement);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('DROP INDEX objects_versions');
};
