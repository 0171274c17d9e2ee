import { Acl, AclGrant, AclGrantee, AclInput, GatewayError, isGatewayError } from '@gw/core';
import { aclPermission, emailGrantee, groupGrantee, groupUri } from './acl-grantees';
import type { S3Owner } from './owner';
import { childText, children, parseXml, renderXml } from './xml';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/**
 * An `AccessControlPolicy` request body (PutBucketAcl, PutObjectAcl): CanonicalUser grantees by
 * ID, Group grantees by URI. Owner is optional, as in the KakaoCloud document's example. A
 * document that is not one is MalformedACLError, as on S3; an empty AccessControlList revokes
 * every grant.
 */
export async function parseAccessControlPolicy(body: Buffer): Promise<AclInput> {
  const document = await parseXml(body).catch((error: unknown) => {
    throw isGatewayError(error) && error.code === 'MalformedXML' ? malformed() : error;
  });
  const policy = document.AccessControlPolicy;
  if (!policy || typeof policy !== 'object') throw malformed();
  const owner = children(policy, 'Owner');
  if (owner.length > 1) throw malformed();
  const ownerUserId = owner.length === 1 ? childText(owner[0], 'ID')?.trim() || undefined : undefined;
  const list = single(policy, 'AccessControlList');
  const grants = typeof list === 'string' ? emptyList(list) : grantsOf(list);
  return { grants, ownerUserId };
}

/** A list with content must hold Grant elements (S3: MalformedACLError otherwise). */
function grantsOf(list: unknown): AclGrant[] {
  const grants = children(list, 'Grant');
  if (grants.length === 0) throw malformed();
  return grants.map(grant);
}

function grant(element: unknown): AclGrant {
  const permission = aclPermission(childText(element, 'Permission'));
  if (!permission) throw malformed();
  return { grantee: grantee(single(element, 'Grantee')), permission };
}

function grantee(element: unknown): AclGrantee {
  const attributes = ((element as { $?: Record<string, string> }).$ ?? {}) as Record<string, string>;
  const type = Object.entries(attributes).find(([name]) => name === 'type' || name.endsWith(':type'))?.[1];
  const text = (name: string): string => {
    const value = childText(element, name)?.trim();
    if (!value) throw malformed();
    return value;
  };
  switch (type) {
    case 'CanonicalUser':
      return { type: 'user', id: text('ID') };
    case 'Group':
      return groupGrantee(text('URI'), 'Group/URI');
    case 'AmazonCustomerByEmail':
      return emailGrantee(text('EmailAddress'));
    default:
      throw malformed();
  }
}

/** `<AccessControlList/>` (or only whitespace inside): no grants. Text in it is not a list. */
function emptyList(text: string): AclGrant[] {
  if (text.trim() !== '') throw malformed();
  return [];
}

function single(element: unknown, name: string): unknown {
  const found = children(element, name);
  if (found.length !== 1) throw malformed();
  return found[0];
}

const malformed = (): GatewayError => new GatewayError('MalformedACLError');

/**
 * S3's AccessControlPolicy document (GetBucketAcl, GetObjectAcl): the owner, then each grant
 * with an `xsi:type`-d Grantee, CanonicalUser grantees with their ID and DisplayName.
 */
export async function renderAccessControlPolicy(
  acl: Acl,
  userOf: (userId: string | undefined) => Promise<S3Owner | undefined>,
): Promise<string> {
  const owner = await userOf(acl.ownerUserId);
  const grants = await Promise.all(
    acl.grants.map(async (g) => ({
      Grantee:
        g.grantee.type === 'user'
          ? { $: { 'xmlns:xsi': XSI, 'xsi:type': 'CanonicalUser' }, ...((await userOf(g.grantee.id)) ?? { ID: g.grantee.id }) }
          : { $: { 'xmlns:xsi': XSI, 'xsi:type': 'Group' }, URI: groupUri(g.grantee.group) },
      Permission: g.permission,
    })),
  );
  return renderXml('AccessControlPolicy', { ...(owner ? { Owner: owner } : {}), AccessControlList: { Grant: grants } });
}
