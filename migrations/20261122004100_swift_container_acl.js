// Swift container ACLs (X-Container-Read / X-Container-Write): one jsonb document per bucket in
// the core's protocol-neutral model (both headers as sent, with their parsed grants), read by
// the access decision point. NULL means no Swift ACL is set.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw('ALTER TABLE buckets ADD COLUMN swift_acl jsonb');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('ALTER TABLE buckets DROP COLUMN swift_acl');
};
