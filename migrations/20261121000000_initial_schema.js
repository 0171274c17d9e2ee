// The initial schema: identities (accounts, users, credentials, tokens, API keys), the object
// namespace (buckets, versioned objects, multipart uploads and parts) and the blob collector.
// Plain SQL so PGlite and a Postgres server run exactly the same statements. Object keys are
// `COLLATE "C"`: S3 and Swift order keys by their UTF-8 bytes.

const STATEMENTS = [
  `CREATE TABLE accounts (
    id            char(32) PRIMARY KEY CHECK (id ~ '^[0-9a-f]{32}$'),
    name          text NOT NULL UNIQUE,
    display_name  text NOT NULL,
    status        text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
    meta          jsonb NOT NULL DEFAULT '{}',
    created_at    timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE users (
    id             char(32) PRIMARY KEY CHECK (id ~ '^[0-9a-f]{32}$'),
    account_id     char(32) NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name           text NOT NULL,
    role           text NOT NULL CHECK (role IN ('admin', 'member', 'reader')),
    password_hash  text,
    status         text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
    created_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (account_id, name)
  )`,
  // S3 access keys. The secret must be usable for SigV4, so it is stored encrypted with the
  // master key (AES-256-GCM), never in clear. Temporary (STS) keys carry their expiry.
  `CREATE TABLE credentials (
    access_key    text PRIMARY KEY,
    user_id       char(32) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    secret_enc    text NOT NULL,
    kind          text NOT NULL DEFAULT 'permanent' CHECK (kind IN ('permanent', 'temporary')),
    status        text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
    expires_at    timestamptz,
    token_jti     text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_used_at  timestamptz
  )`,
  `CREATE INDEX credentials_user ON credentials (user_id)`,
  // Issued JWTs (X-Auth-Token, KOS sessions, STS session tokens), kept so they can be revoked.
  `CREATE TABLE tokens (
    jti          text PRIMARY KEY,
    user_id      char(32) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind         text NOT NULL,
    issued_at    timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz
  )`,
  `CREATE INDEX tokens_user ON tokens (user_id)`,
  // Console API keys: only a SHA-256 of the key is stored; the key is shown once.
  `CREATE TABLE api_keys (
    id            char(32) PRIMARY KEY CHECK (id ~ '^[0-9a-f]{32}$'),
    user_id       char(32) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name          text NOT NULL,
    key_hash      char(64) NOT NULL UNIQUE,
    status        text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_used_at  timestamptz
  )`,
  `CREATE INDEX api_keys_user ON api_keys (user_id)`,
  // Buckets are unique per account (Ceph RGW tenants). Usage counters are updated in the same
  // transaction as the object rows they count.
  `CREATE TABLE buckets (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id     char(32) NOT NULL REFERENCES accounts (id),
    name           text COLLATE "C" NOT NULL,
    owner_user_id  char(32) REFERENCES users (id) ON DELETE SET NULL,
    region         text NOT NULL,
    versioning     text NOT NULL DEFAULT 'Unversioned' CHECK (versioning IN ('Unversioned', 'Enabled', 'Suspended')),
    object_count   bigint NOT NULL DEFAULT 0,
    bytes_used     bigint NOT NULL DEFAULT 0,
    meta           jsonb NOT NULL DEFAULT '{}',
    created_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (account_id, name)
  )`,
  // Every version of every object. Unversioned buckets keep one row per key with version
  // 'null'. A simple object points at one blob; a multipart object at its parts (object_parts).
  `CREATE TABLE objects (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    bucket_id         bigint NOT NULL REFERENCES buckets (id),
    key               text COLLATE "C" NOT NULL,
    version_id        text NOT NULL,
    is_latest         boolean NOT NULL,
    is_delete_marker  boolean NOT NULL DEFAULT false,
    size              bigint NOT NULL DEFAULT 0,
    etag              text NOT NULL DEFAULT '',
    content_type      text,
    user_meta         jsonb NOT NULL DEFAULT '{}',
    headers           jsonb NOT NULL DEFAULT '{}',
    checksums         jsonb NOT NULL DEFAULT '{}',
    tags              jsonb NOT NULL DEFAULT '{}',
    blob_id           text,
    part_count        integer,
    owner_user_id     char(32),
    created_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (bucket_id, key, version_id)
  )`,
  `CREATE UNIQUE INDEX objects_latest ON objects (bucket_id, key) WHERE is_latest`,
  `CREATE INDEX objects_blob ON objects (blob_id) WHERE blob_id IS NOT NULL`,
  `CREATE TABLE object_parts (
    object_id    bigint NOT NULL REFERENCES objects (id) ON DELETE CASCADE,
    part_number  integer NOT NULL CHECK (part_number BETWEEN 1 AND 10000),
    blob_id      text NOT NULL,
    size         bigint NOT NULL,
    etag         text NOT NULL,
    start_offset bigint NOT NULL,
    PRIMARY KEY (object_id, part_number)
  )`,
  `CREATE INDEX object_parts_blob ON object_parts (blob_id)`,
  `CREATE TABLE multipart_uploads (
    upload_id      text PRIMARY KEY,
    bucket_id      bigint NOT NULL REFERENCES buckets (id),
    key            text COLLATE "C" NOT NULL,
    content_type   text,
    user_meta      jsonb NOT NULL DEFAULT '{}',
    headers        jsonb NOT NULL DEFAULT '{}',
    tags           jsonb NOT NULL DEFAULT '{}',
    checksum_algorithm text,
    owner_user_id  char(32),
    initiated_at   timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX multipart_uploads_key ON multipart_uploads (bucket_id, key, initiated_at)`,
  `CREATE TABLE upload_parts (
    upload_id    text NOT NULL REFERENCES multipart_uploads (upload_id) ON DELETE CASCADE,
    part_number  integer NOT NULL CHECK (part_number BETWEEN 1 AND 10000),
    blob_id      text NOT NULL,
    size         bigint NOT NULL,
    etag         text NOT NULL,
    checksums    jsonb NOT NULL DEFAULT '{}',
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (upload_id, part_number)
  )`,
  `CREATE INDEX upload_parts_blob ON upload_parts (blob_id)`,
  // Blobs that lost their last reference. Filled in the same transaction that drops the
  // reference; drained by the worker, which re-checks references before unlinking.
  `CREATE TABLE blob_gc (
    blob_id      text PRIMARY KEY,
    enqueued_at  timestamptz NOT NULL DEFAULT now()
  )`,
];

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  // One statement per call: PGlite's extended protocol takes a single command.
  for (const statement of STATEMENTS) await knex.raw(statement);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw(`
    DROP TABLE blob_gc, upload_parts, multipart_uploads, object_parts, objects, buckets,
      api_keys, tokens, credentials, users, accounts;
  `);
};
