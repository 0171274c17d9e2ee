// Keystone v3 application credentials (OpenStack Identity API v3, "Application Credentials"):
// a user delegates its role on its account, or a weaker one, to an application that then
// authenticates with the credential's id (or name and user) and secret. The secret is stored as
// a scrypt hash only and shown once. Every credential owns an anchor row in `tokens`; the tokens
// issued from it name that row as their parent, so deleting the credential (which revokes the
// anchor) revokes all of them in one statement.
//
// API: create, list, get, delete (by the owner), authenticate (id or name+user, and secret),
// tokenRequest (what to issue for an authenticated credential), plus the claims helpers that let
// a verified token say which credential it came from.
import { randomBytes } from 'node:crypto';
import { ApplicationCredentialRecord, Database, isUniqueViolation, repositories, UserRole, withTransaction } from '@gw/metadata';
import { GatewayError, HEX_ID, isGatewayError, newHexId } from '@gw/core';
import type { UserPrincipal } from '../principal';
import { hashPassword, verifyPassword } from '../secrets/passwords';
import type { IssueTokenInput, VerifiedToken } from '../tokens/token-service';
import { highestRole, impliedRoles, isUserRole, lowerRole } from './roles';

/** Kind of the anchor rows in `tokens`: never a JWT, so never accepted as a token. */
const ANCHOR_KIND = 'application_credential';
/** Anchors of credentials that never expire still need an expiry: far enough. */
const NEVER = new Date('9999-12-31T00:00:00Z');
const MAX_NAME = 255;
const MAX_DESCRIPTION = 1024;
const MAX_SECRET = 1024;
/** The claims a token issued from a credential carries: the credential's id, the role it caps its user's to. */
const CLAIM_ID = 'app_cred';
const CLAIM_ROLE = 'role';

export interface NewApplicationCredentialInput {
  name: string;
  description?: string;
  /** Generated (64 random bytes, base64url as Keystone does) when absent. */
  secret?: string;
  /** Role names; by default every role the creator holds. */
  roles?: string[];
  expiresAt?: Date;
  unrestricted?: boolean;
}

export interface CreatedApplicationCredential {
  credential: ApplicationCredentialRecord;
  /** Shown once, at creation; only its hash is stored. */
  secret: string;
}

/** How a client names the credential it authenticates with. */
export type ApplicationCredentialRef = { id: string } | { name: string; userId: string };

export interface AuthenticatedApplicationCredential {
  credential: ApplicationCredentialRecord;
  /** The credential's user, with the credential's role at most. */
  principal: UserPrincipal;
}

export class ApplicationCredentialService {
  constructor(
    private readonly db: Database,
    private readonly principals: { principalOf(userId: string): Promise<UserPrincipal> },
  ) {}

  /**
   * A new credential of `creator` (the principal of the caller's token, whose role may already be
   * capped). Roles beyond the creator's are refused as Keystone refuses a role the user is not
   * assigned (404); a past expiry or bad fields are a 400, a name the user already uses a 409.
   */
  async create(creator: UserPrincipal, input: NewApplicationCredentialInput, now = new Date()): Promise<CreatedApplicationCredential> {
    const name = input.name;
    if (typeof name !== 'string' || name.length < 1 || name.length > MAX_NAME) throw new GatewayError('BadRequest', `Invalid input for field 'name': a string of 1 to ${MAX_NAME} characters is required.`);
    if (input.description !== undefined && input.description.length > MAX_DESCRIPTION) throw new GatewayError('BadRequest', `Invalid input for field 'description': at most ${MAX_DESCRIPTION} characters.`);
    if (input.secret !== undefined && (input.secret.length < 1 || input.secret.length > MAX_SECRET)) throw new GatewayError('BadRequest', `Invalid input for field 'secret': 1 to ${MAX_SECRET} characters.`);
    if (input.expiresAt !== undefined && input.expiresAt.getTime() <= now.getTime()) throw new GatewayError('BadRequest', 'Invalid input for field \'expires_at\': the expiration time is in the past.');
    const roles = rolesFor(creator, input.roles);
    const secret = input.secret ?? randomBytes(64).toString('base64url');
    const secretHash = await hashPassword(secret);
    try {
      const credential = await withTransaction(this.db.knex, async (trx) => {
        const repos = repositories(trx);
        const anchor = await repos.tokens.insert({ jti: newHexId(), userId: creator.userId, kind: ANCHOR_KIND, expiresAt: input.expiresAt ?? NEVER });
        return repos.applicationCredentials.insert({
          id: newHexId(),
          userId: creator.userId,
          accountId: creator.accountId,
          name,
          description: input.description,
          secretHash,
          roles,
          unrestricted: input.unrestricted === true,
          expiresAt: input.expiresAt,
          anchorJti: anchor.jti,
        });
      });
      return { credential, secret };
    } catch (error) {
      if (isUniqueViolation(error)) throw new GatewayError('Conflict', 'Conflict occurred attempting to store application_credential - Duplicate name, ' + name + '.');
      throw error;
    }
  }

  /** A user's credentials, only those named `name` when it is given. */
  list(userId: string, name?: string): Promise<ApplicationCredentialRecord[]> {
    return repositories(this.db.knex).applicationCredentials.listByUser(userId, name);
  }

  /** One of the user's credentials; NotFound when it is not (or not the user's). */
  async get(userId: string, id: string): Promise<ApplicationCredentialRecord> {
    const credential = HEX_ID.test(id) ? await repositories(this.db.knex).applicationCredentials.findById(id) : undefined;
    if (!credential || credential.userId !== userId) throw notFound(id);
    return credential;
  }

  /**
   * Deletes one of the user's credentials and revokes every token issued from it, atomically. The
   * anchor expires now, so the worker's cleanup removes it once the tokens issued from it are gone.
   */
  async delete(userId: string, id: string, now = new Date()): Promise<void> {
    await withTransaction(this.db.knex, async (trx) => {
      const repos = repositories(trx);
      const found = HEX_ID.test(id) ? await repos.applicationCredentials.findById(id) : undefined;
      if (!found || found.userId !== userId) throw notFound(id);
      await repos.applicationCredentials.delete(id);
      await repos.tokens.revoke(found.anchorJti);
      await repos.tokens.setExpiry(found.anchorJti, now);
    });
  }

  /**
   * The credential and its (role-capped) principal when the secret is right and the credential
   * live; Unauthorized whatever was wrong (unknown, expired, wrong secret, user disabled).
   */
  async authenticate(ref: ApplicationCredentialRef, secret: string, now = new Date()): Promise<AuthenticatedApplicationCredential> {
    const repo = repositories(this.db.knex).applicationCredentials;
    const credential = 'id' in ref ? HEX_ID.test(ref.id) ? await repo.findById(ref.id) : undefined : await repo.findByName(ref.userId, ref.name);
    if (!credential || (credential.expiresAt && credential.expiresAt.getTime() <= now.getTime()) || !(await verifyPassword(secret, credential.secretHash))) {
      throw new GatewayError('Unauthorized', 'The request you have made requires authentication.');
    }
    try {
      const principal = await this.principals.principalOf(credential.userId);
      return { credential, principal: capPrincipal(principal, credentialRole(credential)) };
    } catch (error) {
      if (isGatewayError(error) && error.status < 500) throw new GatewayError('Unauthorized', 'The request you have made requires authentication.');
      throw error;
    }
  }

  /** What to issue for an authenticated credential: a child of its anchor that outlives neither it nor `ttlSeconds`. */
  tokenRequest(authenticated: AuthenticatedApplicationCredential, kind: string, ttlSeconds: number, now = new Date()): IssueTokenInput {
    const { credential } = authenticated;
    const left = credential.expiresAt ? Math.floor((credential.expiresAt.getTime() - now.getTime()) / 1000) : ttlSeconds;
    return {
      userId: credential.userId,
      kind,
      ttlSeconds: Math.max(1, Math.min(ttlSeconds, left)),
      parentJti: credential.anchorJti,
      claims: { [CLAIM_ID]: credential.id, [CLAIM_ROLE]: credentialRole(credential) },
    };
  }
}

/** The id of the credential a token was issued from, if it was. */
export function applicationCredentialIdOf(token: VerifiedToken): string | undefined {
  const id = token.claims[CLAIM_ID];
  return typeof id === 'string' ? id : undefined;
}

/** The role a token caps its user's role to, if it carries one. */
export function roleCapOf(token: VerifiedToken): UserRole | undefined {
  const role = token.claims[CLAIM_ROLE];
  return isUserRole(role) ? role : undefined;
}

/** The principal with its role lowered to `cap` when that is weaker. */
export function capPrincipal(principal: UserPrincipal, cap: UserRole | undefined): UserPrincipal {
  return cap === undefined ? principal : { ...principal, role: lowerRole(principal.role, cap) };
}

/** The strongest role of a credential (reader for one that names none, which create never stores). */
const credentialRole = (credential: ApplicationCredentialRecord): UserRole => highestRole(credential.roles.filter(isUserRole)) ?? 'reader';

const notFound = (id: string): GatewayError => new GatewayError('NotFound', `Could not find application credential: ${id}.`);

/** The roles a new credential carries: those asked for, each one the creator holds; by default all it holds. */
function rolesFor(creator: UserPrincipal, asked: string[] | undefined): UserRole[] {
  const held = impliedRoles(creator.role);
  if (asked === undefined || asked.length === 0) return held;
  for (const role of asked) {
    if (!isUserRole(role)) throw new GatewayError('NotFound', `Could not find role: ${role}.`);
    if (!held.includes(role)) throw new GatewayError('NotFound', `Could not find role assignment with role: ${role}, user or group: ${creator.userId}, project, domain, or system: ${creator.accountId}.`);
  }
  return [...new Set(asked as UserRole[])];
}
