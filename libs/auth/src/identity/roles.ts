// The user roles ordered as Keystone's default implied roles order them: admin implies member,
// member implies reader. Application credentials and the tokens issued from them carry a role
// that caps their user's.
import type { UserRole } from '@gw/metadata';

const RANK: Record<UserRole, number> = { reader: 0, member: 1, admin: 2 };

export const isUserRole = (value: unknown): value is UserRole => typeof value === 'string' && Object.prototype.hasOwnProperty.call(RANK, value);

/** The weaker of two roles. */
export const lowerRole = (a: UserRole, b: UserRole): UserRole => (RANK[a] <= RANK[b] ? a : b);

/** The stronger of some roles; undefined for none. */
export const highestRole = (roles: readonly UserRole[]): UserRole | undefined => roles.reduce<UserRole | undefined>((best, r) => (best === undefined || RANK[r] > RANK[best] ? r : best), undefined);

/** A role and those it implies, strongest first (`member` -> member, reader). */
export const impliedRoles = (role: UserRole): UserRole[] => (Object.keys(RANK) as UserRole[]).filter((r) => RANK[r] <= RANK[role]).sort((a, b) => RANK[b] - RANK[a]);
