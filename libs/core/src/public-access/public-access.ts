// The /v1_ext public access of a bucket (POST /v1_ext/bucket/{name} `acl`): whether anonymous
// callers may read its objects, and from which addresses. The access decision point applies it
// to anonymous requests of every dialect; this file holds the model, its checks and the match.
import type { BucketRecord } from '@gw/metadata';
import { GatewayError } from '../errors';
import { ipMatcher } from '../net/ip-matcher';

export const PUBLIC_ACCESS_LEVELS = ['read-only', 'deny'] as const;
export type PublicAccessLevel = (typeof PUBLIC_ACCESS_LEVELS)[number];

/**
 * `read-only`: anyone may read the bucket's objects, only from `allowIps` when that list is not
 * empty (anonymous requests from elsewhere are refused, whatever an ACL grants). `deny`: no
 * anonymous request gets in, whatever an ACL grants.
 */
export interface PublicAccess {
  public: PublicAccessLevel;
  /** IPv4/IPv6 addresses and CIDRs, as given (trimmed). */
  allowIps: string[];
}

/** More entries than this is a configuration mistake, not an allow list. */
export const MAX_PUBLIC_ALLOW_IPS = 100;

/** The bucket's public access; undefined when never set (its ACLs alone decide). */
export const publicAccessOf = (bucket: Pick<BucketRecord, 'publicAccess'>): PublicAccess | undefined =>
  bucket.publicAccess as PublicAccess | undefined;

/** The stored form of a public access setting; InvalidArgument naming a bad level or address. */
export function normalizePublicAccess(input: { public: string; allowIps: readonly string[] }): PublicAccess {
  if (!(PUBLIC_ACCESS_LEVELS as readonly string[]).includes(input.public)) {
    throw new GatewayError('InvalidArgument', `acl.public must be one of ${PUBLIC_ACCESS_LEVELS.join(', ')} or null, not '${input.public}'.`);
  }
  if (input.allowIps.length > MAX_PUBLIC_ALLOW_IPS) {
    throw new GatewayError('InvalidArgument', `acl.public_read_allow_ip_list may hold at most ${MAX_PUBLIC_ALLOW_IPS} entries.`);
  }
  const allowIps = input.allowIps.map((entry) => entry.trim());
  for (const entry of allowIps) {
    try {
      ipMatcher([entry]);
    } catch {
      throw new GatewayError('InvalidArgument', `acl.public_read_allow_ip_list: '${entry}' is not an IPv4/IPv6 address or CIDR.`);
    }
  }
  return { public: input.public as PublicAccessLevel, allowIps };
}

/** True when an anonymous read from `sourceIp` passes the setting (an unknown address passes only an empty list). */
export function publicReadAllowedFrom(access: PublicAccess, sourceIp: string | undefined): boolean {
  if (access.public !== 'read-only') return false;
  if (access.allowIps.length === 0) return true;
  return sourceIp !== undefined && ipMatcher(access.allowIps)(sourceIp);
}
