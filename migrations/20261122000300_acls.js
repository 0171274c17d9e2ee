// Access control lists of buckets and objects (S3 ACLs): the grants as a jsonb array of
// `{ grantee: { type: 'user', id } | { type: 'group', group }, permission }`. The owner is the
// row's owner_user_id. NULL means the default, private: the owner alone has FULL_CONTROL.

const STATEMENTS = [
  `ALTER TABLE buckets ADD COLUMN acl jsonb`,
  `ALTER TABLE objects ADD COLUMN acl jsonb`,
];

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  // One statement per call: PGlite's extended protocol takes a single command.
  for (const statement of STATEMENTS) await knex.raw(statement);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('ALTER TABLE objects DROP COLUMN acl');
  await knex.raw('ALTER TABLE buckets DROP COLUMN acl');
};
