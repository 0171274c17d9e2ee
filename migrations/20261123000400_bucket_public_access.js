// /v1_ext public access of a bucket (POST /v1_ext/bucket/{name} `acl`): one jsonb document in the
// core's model, `{"public": "read-only" | "deny", "allowIps": ["10.0.0.0/8", ...]}`, read by the
// access decision point for anonymous requests on every dialect. NULL: never set, the bucket's
// S3 and Swift ACLs alone decide.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw('ALTER TABLE buckets ADD COLUMN public_access jsonb');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('ALTER TABLE buckets DROP COLUMN public_access');
};
