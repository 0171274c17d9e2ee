import type { IncomingHttpHeaders } from 'node:http';
import { authorize } from '@gw/auth';
import { CopyRange, CopySource, GatewayError, ReadConditions } from '@gw/core';
import { parseConditionHeaders } from '@gw/http';
import type { S3Call } from '../routing/s3-operation';
import { segmentReadCheck } from './segment-access';

/** The object `x-amz-copy-source` names: `bucket/key` or `/bucket/key`, URL-encoded, optional `?versionId=`. */
export interface CopySourceName {
  bucketName: string;
  key: string;
  versionId?: string;
}

export function parseCopySource(header: string): CopySourceName {
  const query = header.indexOf('?');
  const path = (query < 0 ? header : header.slice(0, query)).replace(/^\//, '');
  const slash = path.indexOf('/');
  const bucketName = slash < 0 ? '' : decode(path.slice(0, slash));
  const key = slash < 0 ? '' : decode(path.slice(slash + 1));
  if (bucketName === '' || key === '') {
    throw new GatewayError('InvalidArgument', 'Copy Source must mention the source bucket and key: sourcebucket/sourcekey', {
      ArgumentName: 'x-amz-copy-source',
      ArgumentValue: header,
    });
  }
  const versionId = query < 0 ? null : new URLSearchParams(header.slice(query + 1)).get('versionId');
  return { bucketName, key, ...(versionId !== null ? { versionId } : {}) };
}

/** `x-amz-copy-source-if-*`: the read conditions, under the copy's header names (future dates count). */
export function readCopyConditions(headers: IncomingHttpHeaders): ReadConditions {
  const copyHeader = (name: string) => headers[`x-amz-copy-source-${name}`] as string | undefined;
  return parseConditionHeaders({
    'if-match': copyHeader('if-match'),
    'if-none-match': copyHeader('if-none-match'),
    'if-modified-since': copyHeader('if-modified-since'),
    'if-unmodified-since': copyHeader('if-unmodified-since'),
  });
}

/** `x-amz-copy-source-range: bytes=first-last`, both offsets given (S3 takes no other form). */
export function parseCopySourceRange(header: string | undefined): CopyRange | undefined {
  if (header === undefined) return undefined;
  const match = /^bytes=(\d{1,16})-(\d{1,16})$/.exec(header.trim());
  if (!match || Number(match[2]) < Number(match[1])) {
    throw new GatewayError(
      'InvalidArgument',
      'The x-amz-copy-source-range value must be of the form bytes=first-last where first and last are the zero-based offsets of the first and last bytes to copy',
      { ArgumentName: 'x-amz-copy-source-range', ArgumentValue: header },
    );
  }
  return { first: Number(match[1]), last: Number(match[2]) };
}

/**
 * The source of a copy request, after the access decision point allowed the caller to read it
 * (`storage.objects.get`, with the source object's ACL). Copies read from buckets of the
 * caller's account only.
 */
export async function authorizedCopySource(call: S3Call): Promise<CopySource> {
  const name = parseCopySource(String(call.req.headers['x-amz-copy-source']));
  const access = await call.services.storage.acls.accessTarget(call.accountId, name.bucketName, { key: name.key, versionId: name.versionId });
  authorize({
    principal: call.principal,
    action: 'storage.objects.get',
    resource: { accountId: call.accountId, bucket: access.bucket, key: name.key, object: access.object },
  });
  return {
    bucket: access.bucket,
    key: name.key,
    versionId: name.versionId,
    conditions: readCopyConditions(call.req.headers),
    mayReadSegments: segmentReadCheck(call),
  };
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new GatewayError('InvalidArgument', 'Invalid copy source encoding', { ArgumentName: 'x-amz-copy-source' });
  }
}
