// Swift object expiration (X-Delete-At / X-Delete-After):
// - objects.delete_at: when the version stops existing; NULL: never. Reads and listings of every
//   dialect treat a latest version past its delete_at as gone at once; the worker then removes
//   it through the core delete (usage counters, versioning and blob collection as for any delete).
// - objects_expiring: the worker's batches walk expired latest rows by time through this partial
//   index, so finding them costs the batch, not a scan of the table.

const STATEMENTS = [
  `ALTER TABLE objects ADD COLUMN delete_at timestamptz`,
  `CREATE INDEX objects_expiring ON objects (delete_at) WHERE is_latest AND delete_at IS NOT NULL`,
];

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  // One statement per call: PGlite's extended protocol takes a single command.
  for (const statement of STATEMENTS) await knex.raw(statement);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('DROP INDEX objects_expiring');
  await knex.raw('ALTER TABLE objects DROP COLUMN delete_at');
};
