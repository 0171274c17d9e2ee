/**
 * Swift container ACLs (`X-Container-Read`, `X-Container-Write`) in a protocol-neutral grant
 * model, parsed with the semantics of Swift's acl.py (`clean_acl`, `parse_acl` v1).
 *
 * API:
 * - `parseContainerAcl(kind, value)` -> `ContainerAclGrants`; InvalidArgument with Swift's
 *   message for a referrer in a write ACL, an empty referrer, or an unknown `.designator:`.
 * - `containerAclDocument(read?, write?)` -> `ContainerAclDocument`: both headers as sent plus
 *   their parsed grants, what a bucket stores (column `swift_acl`); `containerAclOf(bucket)` reads it.
 *
 * Entries, comma separated (blank ones ignored):
 * - `.r:*`, `.r:host`, `.r:.domain`, `.r:-host` (also `.ref:`, `.referer:`, `.referrer:`; a
 *   leading `*` before a domain is dropped): referrer rules, read ACLs only, applied in order;
 * - `.rlistings`: referrer-allowed callers may also list the container;
 * - `account:user`, `account:*`, `*:user`, `*:*`, `account` (URL-decoded): authenticated users.
 *   An account or user is matched by id or by name (auth's decision point does the matching).
 */
import type { BucketRecord } from '@gw/metadata';
import { GatewayError } from '../errors';

export interface ReferrerRule {
  /** `*`, a host, or `.domain` (any host ending with it). */
  host: string;
  /** False for `.r:-host`: a later match takes the allowance back. */
  allow: boolean;
}

export interface PrincipalGrant {
  /** Account id or name, or `*` for any account. */
  account: string;
  /** User id or name, `*` for any user; absent for a bare `account` entry (every user of it). */
  user?: string;
}

export interface ContainerAclGrants {
  referrers: ReferrerRule[];
  listings: boolean;
  principals: PrincipalGrant[];
}

export interface ContainerAclDocument {
  read?: { header: string; grants: ContainerAclGrants };
  write?: { header: string; grants: ContainerAclGrants };
}

const REFERRER_DESIGNATORS = new Set(['.r', '.ref', '.referer', '.referrer']);

/** Python's repr() of a str, as Swift's messages quote the offending entry. */
const pyRepr = (s: string): string => (s.includes("'") && !s.includes('"') ? `"${s}"` : `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`);

export function parseContainerAcl(kind: 'read' | 'write', value: string): ContainerAclGrants {
  const grants: ContainerAclGrants = { referrers: [], listings: false, principals: [] };
  for (const raw of value.split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    const colon = entry.indexOf(':');
    const first = colon < 0 ? entry : entry.slice(0, colon).trim();
    if (colon < 0 || !first || !first.startsWith('.')) {
      if (entry === '.rlistings') grants.listings = true;
      else grants.principals.push(principalOf(entry));
      continue;
    }
    if (!REFERRER_DESIGNATORS.has(first)) throw new GatewayError('InvalidArgument', `Unknown designator ${pyRepr(first)} in ACL: ${pyRepr(entry)}`);
    if (kind === 'write') throw new GatewayError('InvalidArgument', `Referrers not allowed in write ACL: ${pyRepr(entry)}`);
    let host = entry.slice(colon + 1).trim();
    const allow = !host.startsWith('-');
    if (!allow) host = host.slice(1).trim();
    if (host && host !== '*' && host.startsWith('*')) host = host.slice(1).trim();
    if (!host || host === '.') throw new GatewayError('InvalidArgument', `No host/domain value after referrer designation in ACL: ${pyRepr(entry)}`);
    grants.referrers.push({ host, allow });
  }
  return grants;
}

function principalOf(entry: string): PrincipalGrant {
  const decoded = safeDecode(entry);
  const colon = decoded.indexOf(':');
  return colon < 0 ? { account: decoded } : { account: decoded.slice(0, colon), user: decoded.slice(colon + 1) };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The document to store: each header given as sent (empty or absent removes it) with its grants. */
export function containerAclDocument(read: string | undefined, write: string | undefined): ContainerAclDocument {
  const doc: ContainerAclDocument = {};
  if (read?.trim()) doc.read = { header: read, grants: parseContainerAcl('read', read) };
  if (write?.trim()) doc.write = { header: write, grants: parseContainerAcl('write', write) };
  return doc;
}

export const containerAclOf = (bucket: Pick<BucketRecord, 'swiftAcl'>): ContainerAclDocument | undefined =>
  bucket.swiftAcl as ContainerAclDocument | undefined;
