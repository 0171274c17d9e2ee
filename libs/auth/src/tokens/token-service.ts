import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { GatewayError, newHexId } from '@gw/core';
import { Database, repositories } from '@gw/metadata';
import { TokenError } from './token-error';

/** Standard claims the service sets itself; extra claims cannot override them. */
const RESERVED_CLAIMS = new Set(['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti', 'kind']);
const ALGORITHM = 'HS256';

export interface IssueTokenInput {
  userId: string;
  /** One of TOKEN_KINDS; verify() can insist on it. */
  kind: string;
  ttlSeconds: number;
  /** The token this one is issued on the strength of: revoking the parent revokes this one too. */
  parentJti?: string;
  /** Further claims carried in the token (never the reserved ones). */
  claims?: Record<string, string | number>;
}

export interface IssuedToken {
  token: string;
  jti: string;
  issuedAt: Date;
  expiresAt: Date;
}

export interface VerifiedToken {
  jti: string;
  userId: string;
  kind: string;
  issuedAt: Date;
  expiresAt: Date;
  parentJti?: string;
  claims: Record<string, unknown>;
}

/**
 * Issues and checks the gateway's bearer tokens (X-Auth-Token, STS session tokens, console
 * sessions): JWTs signed with HS256 under a key of the data dir, each with a row keyed by its
 * `jti` so that it can be revoked before it expires. HS256 because every party that verifies a
 * token is the gateway itself, which also issues them: a public key would buy nothing, and an
 * HMAC is shorter and cheaper to check than Ed25519 on every request.
 */
export class TokenService {
  constructor(
    private readonly db: Database,
    private readonly key: Uint8Array,
    private readonly issuer = 'kos-gateway',
  ) {
    if (key.length < 32) throw new Error('The token signing key must be at least 32 bytes.');
  }

  async issue(input: IssueTokenInput, now = new Date()): Promise<IssuedToken> {
    if (!Number.isInteger(input.ttlSeconds) || input.ttlSeconds <= 0) {
      throw new GatewayError('InvalidArgument', 'A token lives a positive whole number of seconds.');
    }
    const extra = Object.entries(input.claims ?? {});
    const reserved = extra.find(([name]) => RESERVED_CLAIMS.has(name));
    if (reserved) throw new Error(`The claim "${reserved[0]}" is set by the token service.`);

    const jti = newHexId();
    const issuedAt = Math.floor(now.getTime() / 1000);
    const expiresAt = issuedAt + input.ttlSeconds;
    const token = await new SignJWT({ ...Object.fromEntries(extra), kind: input.kind })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setIssuer(this.issuer)
      .setSubject(input.userId)
      .setJti(jti)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(this.key);
    // The row goes in after signing: a token that exists anywhere exists here too.
    await repositories(this.db.knex).tokens.insert({
      jti,
      userId: input.userId,
      kind: input.kind,
      expiresAt: new Date(expiresAt * 1000),
      parentJti: input.parentJti,
    });
    return { token, jti, issuedAt: new Date(issuedAt * 1000), expiresAt: new Date(expiresAt * 1000) };
  }

  /**
   * The claims of a live token. Refuses, each with its own TokenError reason: what is not a JWT
   * of ours (malformed), a bad signature, an expired token, one revoked or unknown to the
   * database, one of another kind than `options.kind`.
   */
  async verify(token: string, options: { kind?: string } = {}, now = new Date()): Promise<VerifiedToken> {
    const payload = await this.checkSignature(token, now);
    const { jti, sub, kind, iat, exp } = payload;
    if (typeof jti !== 'string' || typeof sub !== 'string' || typeof kind !== 'string' || typeof iat !== 'number' || typeof exp !== 'number') {
      throw new TokenError('malformed');
    }
    if (options.kind !== undefined && kind !== options.kind) throw new TokenError('kind');
    const row = await repositories(this.db.knex).tokens.find(jti);
    if (!row || row.revokedAt || row.userId !== sub || row.kind !== kind) throw new TokenError('revoked');
    const claims = Object.fromEntries(Object.entries(payload).filter(([name]) => !RESERVED_CLAIMS.has(name)));
    return { jti, userId: sub, kind, issuedAt: new Date(iat * 1000), expiresAt: new Date(exp * 1000), parentJti: row.parentJti, claims };
  }

  /** Revokes a token and those issued from it; false when it was unknown or already revoked. */
  revoke(jti: string): Promise<boolean> {
    return repositories(this.db.knex).tokens.revoke(jti);
  }

  private async checkSignature(token: string, now: Date): Promise<Record<string, unknown>> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: [ALGORITHM], issuer: this.issuer, currentDate: now });
      return payload;
    } catch (error) {
      // jose checks the signature before the claims: an expired token was a genuine one.
      if (error instanceof joseErrors.JWTExpired) throw new TokenError('expired');
      if (error instanceof joseErrors.JWSSignatureVerificationFailed) throw new TokenError('signature');
      if (error instanceof joseErrors.JOSEError) throw new TokenError('malformed');
      throw error;
    }
  }
}
