import { AclGrantee, AclPermission, GatewayError } from '@gw/core';

/** The group URIs of S3 ACLs this gateway serves (the KakaoCloud document names AllUsers). */
const GROUP_URIS = {
  AllUsers: 'http://acs.amazonaws.com/groups/global/AllUsers',
  AuthenticatedUsers: 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers',
} as const;

export const groupUri = (group: keyof typeof GROUP_URIS): string => GROUP_URIS[group];

/**
 * The group grantee a URI names. Any other group (LogDelivery among them: this gateway
 * delivers access logs itself) is S3's answer to an unknown group: InvalidArgument "Invalid
 * group uri", naming the argument the way the request did (`uri` header item, `Group/URI` element).
 */
export function groupGrantee(uri: string, argumentName: string): AclGrantee {
  for (const [group, known] of Object.entries(GROUP_URIS)) {
    if (uri === known) return { type: 'group', group: group as keyof typeof GROUP_URIS };
  }
  throw new GatewayError('InvalidArgument', 'Invalid group uri', { ArgumentName: argumentName, ArgumentValue: uri });
}

/**
 * Grants by e-mail address cannot be served: no user here has one on record, which is exactly
 * S3's UnresolvableGrantByEmailAddress.
 */
export function emailGrantee(email: string): never {
  throw new GatewayError('UnresolvableGrantByEmailAddress', undefined, { EmailAddress: email });
}

const PERMISSIONS: readonly AclPermission[] = ['FULL_CONTROL', 'READ', 'WRITE', 'READ_ACP', 'WRITE_ACP'];

/** A permission name; the KakaoCloud document also spells READ-ACP and WRITE-ACP with a hyphen. */
export function aclPermission(name: string | undefined): AclPermission | undefined {
  const normalised = name?.trim().replace('-', '_');
  return PERMISSIONS.find((p) => p === normalised);
}
