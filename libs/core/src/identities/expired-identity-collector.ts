/**
 * Removes identity rows whose time is long past: bearer tokens (`tokens`: X-Auth-Token, STS
 * session tokens, console sessions, application credential anchors) and STS temporary S3 keys
 * (`credentials` of kind temporary). Nothing else ever deletes them, so without this the tables
 * grow with every login.
 *
 * It lives in the core because the worker may only reach the database through it; the rows are
 * libs/auth's, and the rules below are what keeps auth's checks sound once they are gone:
 * - a row goes only once it expired more than the grace period ago, so a revoked token that has
 *   not expired keeps its row (revocation stays in force) and no row goes while a client may
 *   still get the precise "expired" answer instead of "unknown";
 * - a token whose row is gone is refused anyway (TokenService.verify wants a live row, and its
 *   JWT `exp` has passed), and a temporary key whose row is gone is an unknown key;
 * - tokens go leaves first (a token named as the parent of another row stays until that row is
 *   gone), so revoking an old token still revokes what was issued from it;
 * - the anchor of an existing application credential never goes.
 *
 * API: `collect({ batchSize, graceMs }, now)`: one bounded batch of each kind; a full batch of
 * either means more may be waiting.
 */
import { repositories } from '@gw/metadata';
import type { StorageContext } from '../storage-context';

/** How long after its expiry an identity row is kept (clock skew between nodes, "expired" answers). */
export const EXPIRED_IDENTITY_GRACE_MS = 60 * 60 * 1000;

export interface IdentityCollection {
  /** Token rows deleted. */
  tokens: number;
  /** Temporary S3 keys deleted. */
  temporaryCredentials: number;
}

export interface IdentityCollectionOptions {
  /** Rows of each kind per batch. */
  batchSize: number;
  /** Defaults to EXPIRED_IDENTITY_GRACE_MS. */
  graceMs?: number;
}

export class ExpiredIdentityCollector {
  constructor(private readonly ctx: StorageContext) {}

  async collect({ batchSize, graceMs = EXPIRED_IDENTITY_GRACE_MS }: IdentityCollectionOptions, now = new Date()): Promise<IdentityCollection> {
    if (!Number.isInteger(batchSize) || batchSize <= 0) throw new Error('batchSize must be a positive integer');
    const before = new Date(now.getTime() - graceMs);
    const repos = repositories(this.ctx.db.knex);
    // Keys first: a temporary key names its session token, and a key without its token is useless.
    const temporaryCredentials = await repos.credentials.deleteExpiredTemporary(before, batchSize);
    const tokens = await repos.tokens.deleteExpired(before, batchSize);
    return { tokens, temporaryCredentials };
  }
}
