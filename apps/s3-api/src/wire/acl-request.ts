import { AclInput, GatewayError } from '@gw/core';
import type { S3Call } from '../routing/s3-operation';
import { parseAclHeaders } from './acl-headers';
import { parseAccessControlPolicy } from './acl-xml';
import { readCheckedSmallBody } from './body-integrity';

/**
 * The ACL of a PutBucketAcl or PutObjectAcl request: the AccessControlPolicy body when there is
 * one (the KakaoCloud document: the body wins over headers), else the x-amz-acl or
 * x-amz-grant-* headers; with neither, S3's MissingSecurityHeader.
 */
export async function readAclRequest(call: S3Call): Promise<AclInput> {
  const body = await readCheckedSmallBody(call);
  if (body.length > 0) return parseAccessControlPolicy(body);
  const fromHeaders = parseAclHeaders(call.req.headers);
  if (!fromHeaders) throw new GatewayError('MissingSecurityHeader', undefined, { MissingHeaderName: 'x-amz-acl' });
  return fromHeaders;
}

/** The `versionId` of an object ACL request; S3 refuses an empty one. */
export function aclVersionId(query: URLSearchParams): string | undefined {
  const versionId = query.get('versionId');
  if (versionId === '') throw new GatewayError('InvalidArgument', 'Version id cannot be the empty string', { ArgumentName: 'versionId', ArgumentValue: '' });
  return versionId ?? undefined;
}
