// Swift large objects (SLO and DLO manifests) on the objects they describe:
// - objects.large_object: NULL for an ordinary object; `{"kind": "slo", "manifest": [...]}` for a
//   static large object (the manifest as `?multipart-manifest=get` returns it; its bytes are the
//   object's part rows, sharing the segments' blobs); `{"kind": "dlo", "container": "...",
//   "prefix": "..."}` for a dynamic large object (its segments are resolved at every read).
// - object_parts.blob_offset: where a part's bytes start inside its blob. 0 for multipart parts;
//   an SLO segment with a `range` shares a slice of its segment's blob without copying it.
// Versions live in the same table, so every version keeps its own marker; listings read the
// rows as they are (a large object lists with its own size and ETag).

const STATEMENTS = [
  `ALTER TABLE objects ADD COLUMN large_object jsonb`,
  `ALTER TABLE object_parts ADD COLUMN blob_offset bigint NOT NULL DEFAULT 0`,
];

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  // One statement per call: PGlite's extended protocol takes a single command.
  for (const statement of STATEMENTS) await knex.raw(statement);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('ALTER TABLE object_parts DROP COLUMN blob_offset');
  await knex.raw('ALTER TABLE objects DROP COLUMN large_object');
};
