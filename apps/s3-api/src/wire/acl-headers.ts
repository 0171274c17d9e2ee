import type { IncomingHttpHeaders } from 'node:http';
import { AclGrant, AclGrantee, AclInput, AclPermission, GatewayError, isCannedAcl } from '@gw/core';
import { emailGrantee, groupGrantee } from './acl-grantees';

const GRANT_HEADERS: readonly [string, AclPermission][] = [
  ['x-amz-grant-full-control', 'FULL_CONTROL'],
  ['x-amz-grant-read', 'READ'],
  ['x-amz-grant-read-acp', 'READ_ACP'],
  ['x-amz-grant-write', 'WRITE'],
  ['x-amz-grant-write-acp', 'WRITE_ACP'],
];

/**
 * The ACL a request asks for in its headers (CreateBucket, PutObject, CreateMultipartUpload,
 * PutBucketAcl, PutObjectAcl): a canned `x-amz-acl`, or `x-amz-grant-*` headers listing
 * grantees as `id="user id"` or `uri="group uri"`, comma-separated. Undefined when the request
 * names none. Both kinds at once is InvalidRequest, as on S3.
 */
export function parseAclHeaders(headers: IncomingHttpHeaders): AclInput | undefined {
  // An empty x-amz-acl is no ACL at all (S3 applies the default).
  const canned = typeof headers['x-amz-acl'] === 'string' && headers['x-amz-acl'] !== '' ? headers['x-amz-acl'] : undefined;
  const grantHeaders = GRANT_HEADERS.filter(([name]) => typeof headers[name] === 'string');
  if (canned !== undefined && grantHeaders.length > 0) {
    throw new GatewayError('InvalidRequest', 'Specifying both Canned ACLs and Header Grants is not allowed');
  }
  if (canned !== undefined) {
    if (!isCannedAcl(canned)) throw new GatewayError('InvalidArgument', undefined, { ArgumentName: 'x-amz-acl', ArgumentValue: canned });
    return { canned };
  }
  if (grantHeaders.length === 0) return undefined;
  const grants: AclGrant[] = grantHeaders.flatMap(([name, permission]) =>
    grantees(name, headers[name] as string).map((grantee) => ({ grantee, permission })),
  );
  return { grants };
}

const GRANTEE_ITEM = /^([A-Za-z]+)\s*=\s*(?:"([^"]*)"|([^"\s]*))$/;

function grantees(header: string, value: string): AclGrantee[] {
  return value.split(',').map((item) => {
    const match = GRANTEE_ITEM.exec(item.trim());
    if (!match) throw new GatewayError('InvalidArgument', 'Argument format not recognized', { ArgumentName: header, ArgumentValue: item.trim() });
    const [, kind, quoted, bare] = match;
    const id = quoted ?? bare;
    switch (kind.toLowerCase()) {
      case 'id':
        return { type: 'user', id };
      case 'uri':
        return groupGrantee(id, 'uri');
      case 'emailaddress':
        return emailGrantee(id);
      default:
        throw new GatewayError('InvalidArgument', 'Argument format not recognized', { ArgumentName: header, ArgumentValue: item.trim() });
    }
  });
}
