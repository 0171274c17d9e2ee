// Server-side encryption at rest (S3 SSE-S3 "AES256"; /v1_ext `use_encryption`, type managed):
// - buckets.encryption: the bucket's default encryption, applied to every object written into it;
//   NULL means none.
// - objects.encryption / multipart_uploads.encryption: what an object (or the object an upload
//   will complete into) is encrypted with, as reported to clients; an upload decides at its
//   creation, so parts uploaded after the bucket default changed still match their upload.
// - blob_key on every row that references a blob (objects, object_parts, upload_parts): the
//   blob's own data key wrapped by the master key and its AES-CTR counter block,
//   `{"wrappedKey": "kw1.<base64>", "iv": "<base64>"}`; NULL for a plaintext blob. The key lives
//   with the reference, not with the blob, so the blob files alone are ciphertext; a copy that
//   shares a blob copies its key with the reference.

const STATEMENTS = [
  `ALTER TABLE buckets ADD COLUMN encryption text CHECK (encryption IN ('AES256'))`,
  `ALTER TABLE objects ADD COLUMN encryption text CHECK (encryption IN ('AES256'))`,
  `ALTER TABLE objects ADD COLUMN blob_key jsonb`,
  `ALTER TABLE object_parts ADD COLUMN blob_key jsonb`,
  `ALTER TABLE multipart_uploads ADD COLUMN encryption text CHECK (encryption IN ('AES256'))`,
  `ALTER TABLE upload_parts ADD COLUMN blob_key jsonb`,
];

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  // One statement per call: PGlite's extended protocol takes a single command.
  for (const statement of STATEMENTS) await knex.raw(statement);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('ALTER TABLE upload_parts DROP COLUMN blob_key');
  await knex.raw('ALTER TABLE multipart_uploads DROP COLUMN encryption');
  await knex.raw('ALTER TABLE object_parts DROP COLUMN blob_key');
  await knex.raw('ALTER TABLE objects DROP COLUMN blob_key');
  await knex.raw('ALTER TABLE objects DROP COLUMN encryption');
  await knex.raw('ALTER TABLE buckets DROP COLUMN encryption');
};
