// Multipart uploads, beyond the initial schema:
// - ListMultipartUploads pages through a bucket's uploads by (key, upload id) and resumes after
//   a (key-marker, upload-id-marker) pair. Upload ids begin with their initiation time, so this
//   order is S3's "by key, then by initiation". The index makes a page cost what it returns.
//   Byte order ("C") for the id as for the key: the same on PGlite and on any server locale.
// - The ACL asked at CreateMultipartUpload (x-amz-acl, x-amz-grant-*), as objects keep theirs
//   (jsonb grants, NULL for private): the completed object gets it.

const STATEMENTS = [
  `CREATE INDEX multipart_uploads_listing ON multipart_uploads (bucket_id, key, (upload_id COLLATE "C"))`,
  `ALTER TABLE multipart_uploads ADD COLUMN acl jsonb`,
];

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  // One statement per call: PGlite's extended protocol takes a single command.
  for (const statement of STATEMENTS) await knex.raw(statement);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('ALTER TABLE multipart_uploads DROP COLUMN acl');
  await knex.raw('DROP INDEX multipart_uploads_listing');
};
