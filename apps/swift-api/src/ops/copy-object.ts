// Swift "Copy object" (COPY /v1/{account}/{container}/{object} with Destination; KakaoCloud "Copy
// object") and PUT with X-Copy-From: a server-side copy through the core copy, no data copied.
import type { AccountRecord, BucketRecord, CopyObjectResult } from '@gw/core';
import { GatewayError, swiftQuote } from '@gw/core';
import { authorizeTarget, findAccount } from '../routing/authorize-target';
import { containerOf, SwiftCall, SwiftOperation } from '../routing/swift-operation';
import { readCopyAccount, readCopyPath, swiftText } from '../wire/copy-path';
import { sendCreated } from '../wire/created-answer';
import { readDeleteAt } from '../wire/delete-at';
import { readStoredHeaders } from '../wire/stored-headers';
import { readMetaHeaders } from '../wire/swift-headers';
import { isTrue } from './get-account';
import { containerDecision } from '../routing/segment-access';

/** One end of a copy: the container (already authorized) and the object name in it. */
export interface CopyEnd {
  account: AccountRecord;
  bucket: BucketRecord;
  key: string;
}

/** COPY: the request's object is the source (read, decided by the lifecycle); Destination names where it goes. */
export const copyObject: SwiftOperation = {
  name: 'CopyObject',
  action: 'storage.objects.get',
  needsBucket: true,
  async run(call) {
    const source: CopyEnd = { account: call.account, bucket: containerOf(call), key: call.target.object! };
    const destination = await destinationOf(call);
    sendCopied(call, await serverSideCopy(call, source, destination), source);
  },
};

/** PUT with X-Copy-From: the request's object is the destination (create, decided by the lifecycle). */
export async function copyFromRequest(call: SwiftCall): Promise<void> {
  if (Number(call.req.get('content-length') ?? 0) > 0) throw new GatewayError('BadRequest', 'Copy requests require a zero byte body');
  const from = readCopyPath(call.req, 'X-Copy-From');
  const fromAccount = readCopyAccount(call.req, 'X-Copy-From-Account');
  const account = fromAccount === undefined ? call.account : await findAccount(call, fromAccount);
  const bucket = await authorizeTarget(call, { account, container: from.container, key: from.object }, 'storage.objects.get');
  const source: CopyEnd = { account, bucket, key: from.object };
  const destination: CopyEnd = { account: call.account, bucket: containerOf(call), key: call.target.object! };
  sendCopied(call, await serverSideCopy(call, source, destination), source);
}

/** The Destination (and Destination-Account) of a COPY or MOVE, authorized for writing. */
export async function destinationOf(call: SwiftCall): Promise<CopyEnd> {
  if (call.req.get('destination') === undefined) throw swiftText('PreconditionFailed', 'Destination header must be of the form <container name>/<object name>');
  const to = readCopyPath(call.req, 'Destination');
  const toAccount = readCopyAccount(call.req, 'Destination-Account');
  const account = toAccount === undefined ? call.account : await findAccount(call, toAccount);
  const bucket = await authorizeTarget(call, { account, container: to.container, key: to.object }, 'storage.objects.create');
  return { account, bucket, key: to.object };
}

/**
 * The copy as Swift makes it: the source's metadata with the request's `X-Object-Meta-*` merged in
 * (only the request's with `X-Fresh-Metadata: true`), the request's Content-Type and stored headers
 * over the source's, the request's X-Delete-At / X-Delete-After (never the source's).
 */
export async function serverSideCopy(call: SwiftCall, source: CopyEnd, destination: CopyEnd): Promise<CopyObjectResult> {
  const { req, principal } = call;
  const deleteAt = readDeleteAt(req);
  const fresh = isTrue(req.get('x-fresh-metadata') ?? null);
  const userMeta = readMetaHeaders(req.headers, 'object');
  const headers = readStoredHeaders(req);
  const contentType = req.get('content-type') || undefined;
  return call.services.storage.objects.copy({
    // A DLO source is copied as its segments, which the caller must be allowed to read.
    source: { bucket: source.bucket, key: source.key, mayReadSegments: containerDecision(call, 'storage.objects.get') },
    bucket: destination.bucket,
    key: destination.key,
    metadata: (stored) => ({
      contentType: contentType ?? stored.contentType,
      userMeta: withoutEmpty(fresh ? userMeta : { ...stored.userMeta, ...userMeta }),
      headers: fresh ? headers : { ...stored.headers, ...headers },
    }),
    deleteAt,
    ownerUserId: principal.kind === 'user' ? principal.userId : undefined,
  });
}

/** 201 with the copy's ETag and where it came from (X-Copied-From, -Account, -Last-Modified). */
export function sendCopied(call: SwiftCall, result: CopyObjectResult, source: CopyEnd): void {
  const { res } = call;
  res.setHeader('X-Copied-From', swiftQuote(`${source.bucket.name}/${source.key}`));
  if (source.account.id !== call.account.id) res.setHeader('X-Copied-From-Account', `AUTH_${source.account.id}`);
  res.setHeader('X-Copied-From-Last-Modified', result.source.createdAt.toUTCString());
  sendCreated(res, result.object);
}

/** An empty `X-Object-Meta-Name:` removes the entry, as Swift drops empty metadata. */
const withoutEmpty = (meta: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(meta).filter(([, value]) => value !== ''));
