/**
 * Swift container ACL headers on the wire.
 *
 * API:
 * - `readContainerAclHeaders(req)` -> `{ read?, write? }` to store (with setContainerAcl), or
 *   undefined when the request names neither ACL. `X-Container-Read` / `X-Container-Write` set
 *   one (an empty value clears it), `X-Remove-Container-Read` / `-Write` clear it. Both are
 *   validated here, before anything is written (400 with Swift's message).
 * - `writeContainerAclHeaders(res, bucket)`: the stored ACLs as they were sent.
 */
import type { Request, Response } from 'express';
import { BucketRecord, containerAclDocument, containerAclOf } from '@gw/core';

export interface ContainerAclHeaders {
  read?: string;
  write?: string;
}

export function readContainerAclHeaders(req: Request): ContainerAclHeaders | undefined {
  const read = aclHeader(req, 'read');
  const write = aclHeader(req, 'write');
  if (read === undefined && write === undefined) return undefined;
  containerAclDocument(read, write);
  return { ...(read !== undefined ? { read } : {}), ...(write !== undefined ? { write } : {}) };
}

function aclHeader(req: Request, kind: 'read' | 'write'): string | undefined {
  return req.get(`x-remove-container-${kind}`) !== undefined ? '' : req.get(`x-container-${kind}`);
}

export function writeContainerAclHeaders(res: Response, bucket: BucketRecord): void {
  const acl = containerAclOf(bucket);
  if (acl?.read) res.setHeader('X-Container-Read', acl.read.header);
  if (acl?.write) res.setHeader('X-Container-Write', acl.write.header);
}
