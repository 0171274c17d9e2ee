// Cleanup of expired identity rows by the lifecycle worker (job `expired-identity-cleanup`):
// - `tokens_expiry` lets each batch take the longest-expired tokens without scanning the table;
// - `credentials_temporary_expiry` does the same for STS temporary S3 keys (permanent keys have
//   no expiry and are never candidates, hence the partial index);
// - `application_credentials_anchor` makes "is this token the anchor of a credential?" (anchors
//   of existing credentials are never removed) an index probe.
// Anchors of application credentials deleted before this migration were revoked but kept their
// far-future expiry, so nothing would ever remove them: they expire as of their revocation, as
// deleting a credential now does.

const STATEMENTS = [
  `CREATE INDEX tokens_expiry ON tokens (expires_at)`,
  `CREATE INDEX credentials_temporary_expiry ON credentials (expires_at) WHERE kind = 'temporary'`,
  `CREATE INDEX application_credentials_anchor ON application_credentials (anchor_jti)`,
  `UPDATE tokens SET expires_at = revoked_at
    WHERE kind = 'application_credential' AND revoked_at IS NOT NULL AND expires_at > revoked_at
      AND NOT EXISTS (SELECT 1 FROM application_credentials a WHERE a.anchor_jti = tokens.jti)`,
];

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  // One statement per call: PGlite's extended protocol takes a single command.
  for (const statement of STATEMENTS) await knex.raw(statement);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('DROP INDEX application_credentials_anchor');
  await knex.raw('DROP INDEX credentials_temporary_expiry');
  await knex.raw('DROP INDEX tokens_expiry');
};
