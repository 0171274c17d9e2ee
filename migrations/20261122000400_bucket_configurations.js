// Bucket configurations that every dialect manages through the core: lifecycle rules (S3 XML,
// /v1_ext XML, KOS JSON rules), CORS rules (S3, /v1_ext) and server access logging (S3). Each is
// one jsonb document in the core's protocol-neutral model; NULL means none is set.
//
// access_log_records holds server access log lines of logged buckets until the worker writes
// them, batched, as log objects into the target bucket. The target is kept by name (as S3's
// logging configuration names it), so a deleted target bucket leaves records the worker drops.
// A worker claims a batch for a lease (claim_id, claimed_until) with FOR UPDATE SKIP LOCKED, so
// concurrent workers never deliver the same records, and a worker that dies mid-delivery only
// delays them until the lease runs out.

const STATEMENTS = [
  `ALTER TABLE buckets ADD COLUMN lifecycle jsonb`,
  `ALTER TABLE buckets ADD COLUMN cors jsonb`,
  `ALTER TABLE buckets ADD COLUMN logging jsonb`,
  `CREATE TABLE access_log_records (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id     char(32) NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    target_bucket  text COLLATE "C" NOT NULL,
    target_prefix  text NOT NULL,
    line           text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    claim_id       text,
    claimed_until  timestamptz
  )`,
];

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  // One statement per call: PGlite's extended protocol takes a single command.
  for (const statement of STATEMENTS) await knex.raw(statement);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('DROP TABLE access_log_records');
  await knex.raw('ALTER TABLE buckets DROP COLUMN logging');
  await knex.raw('ALTER TABLE buckets DROP COLUMN cors');
  await knex.raw('ALTER TABLE buckets DROP COLUMN lifecycle');
};
