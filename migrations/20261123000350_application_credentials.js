// Keystone v3 application credentials: a user delegates (part of) its role on its account to an
// application, which authenticates with the credential's id (or name and user) and a secret. The
// secret is stored as a scrypt hash only, like a password: it is shown once, at creation.
// `anchor_jti` names a row of `tokens` that every token issued from the credential has as its
// parent, so revoking that row (when the credential is deleted) revokes them all at once.

const STATEMENTS = [
  `CREATE TABLE application_credentials (
    id            char(32) PRIMARY KEY CHECK (id ~ '^[0-9a-f]{32}$'),
    user_id       char(32) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    account_id    char(32) NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name          text NOT NULL,
    description   text,
    secret_hash   text NOT NULL,
    roles         jsonb NOT NULL DEFAULT '[]',
    unrestricted  boolean NOT NULL DEFAULT false,
    expires_at    timestamptz,
    anchor_jti    text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (user_id, name)
  )`,
];

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  // One statement per call: PGlite's extended protocol takes a single command.
  for (const statement of STATEMENTS) await knex.raw(statement);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('DROP TABLE application_credentials');
};
