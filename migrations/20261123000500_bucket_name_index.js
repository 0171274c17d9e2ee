// Buckets by name alone: a CORS preflight carries no credentials, so a URL that names a bucket
// without its account (S3 `/{bucket}`, virtual-host style, `/v1_ext/bucket/{name}`) is resolved
// to the one bucket of that name across accounts. Names are unique per account only, so this
// is a plain (not unique) index.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw('CREATE INDEX buckets_name_idx ON buckets (name)');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('DROP INDEX buckets_name_idx');
};
