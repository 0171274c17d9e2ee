// Token lineage: a token issued on the strength of another (an STS session token from the
// X-Auth-Token it was exchanged for) names its parent, so that revoking a token revokes what was
// derived from it in the same statement. No foreign key on purpose: a parent that expired and
// was cleaned up must not take still-valid children with it.

const STATEMENTS = [
  `ALTER TABLE tokens ADD COLUMN parent_jti text`,
  `CREATE INDEX tokens_parent ON tokens (parent_jti) WHERE parent_jti IS NOT NULL`,
];

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  // One statement per call: PGlite's extended protocol takes a single command.
  for (const statement of STATEMENTS) await knex.raw(statement);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('DROP INDEX tokens_parent');
  await knex.raw('ALTER TABLE tokens DROP COLUMN parent_jti');
};
