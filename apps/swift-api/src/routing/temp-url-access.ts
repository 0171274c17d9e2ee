/**
 * Swift TempURL (tempurl.py) in the request lifecycle: which requests present a temp URL, the
 * signed scope their signature proves (the access decision point weighs it), and how the answer
 * is shaped for a temp URL holder.
 *
 * API:
 * - `presentsTempUrl(query)`: `temp_url_sig` or `temp_url_expires` is given; the KakaoCloud issue
 *   call (`?temp_url&temp_url_expires=N`, authenticated) is not one.
 * - `tempUrlScopeOf(...)`: the verified scope, or undefined (no key, bad signature, expired, wrong
 *   method, path, prefix or address); only object requests can carry one.
 * - `shapeTempUrlAnswer(req, res, query, target)`: refuses the headers a temp URL may not send
 *   (400), removes `X-Object-Meta-*` from the answer except `X-Object-Meta-Public-*`, and gives a
 *   successful GET/HEAD a Content-Disposition (`filename=`, `inline`, else the stored one, else
 *   an attachment named after the object).
 */
import type { Request, Response } from 'express';
import { SignedScope, TEMP_URL_DIGESTS, TEMP_URL_METHODS, tempUrlKeysOf, tempUrlScope } from '@gw/auth';
import { AccountRecord, BucketRecord, GatewayError } from '@gw/core';
import { beforeHeaders } from '@gw/http';
import type { SwiftTarget } from '../request/target';
import { contentDisposition } from '../wire/content-disposition';

export const presentsTempUrl = (query: URLSearchParams): boolean =>
  !query.has('temp_url') && (query.has('temp_url_sig') || query.has('temp_url_expires'));

export function tempUrlScopeOf(req: Request, query: URLSearchParams, target: SwiftTarget, account: AccountRecord, bucket: BucketRecord | undefined, clientIp: string): SignedScope | undefined {
  if (target.kind !== 'object' || !bucket) return undefined;
  return tempUrlScope({
    keys: tempUrlKeysOf(account.meta, bucket.meta),
    method: req.method,
    path: decodeURIComponent(req.originalUrl.split('?')[0]),
    sig: query.get('temp_url_sig') ?? undefined,
    expires: query.get('temp_url_expires') ?? undefined,
    prefix: query.get('temp_url_prefix') ?? undefined,
    ipRange: query.get('temp_url_ip_range') ?? undefined,
    clientIp,
    accountId: account.id,
    container: bucket.name,
    key: target.object!,
  });
}

/** Swift's DISALLOWED_INCOMING_HEADERS: a temp URL cannot make manifests or symlinks. */
const DISALLOWED_INCOMING = ['X-Object-Manifest', 'X-Symlink-Target'];
const REMOVED_META = 'x-object-meta-';
const KEPT_META = 'x-object-meta-public-';

/** The `tempurl` entry of /info: what this module and @gw/auth enforce. */
export const TEMP_URL_CAPABILITIES = {
  methods: TEMP_URL_METHODS,
  incoming_remove_headers: [] as string[],
  incoming_allow_headers: [] as string[],
  outgoing_remove_headers: [`${REMOVED_META}*`],
  outgoing_allow_headers: [`${KEPT_META}*`],
  allowed_digests: TEMP_URL_DIGESTS,
};

export function shapeTempUrlAnswer(req: Request, res: Response, query: URLSearchParams, target: SwiftTarget): void {
  const disallowed = DISALLOWED_INCOMING.find((name) => req.get(name) !== undefined);
  if (disallowed) throw new GatewayError('InvalidArgument', `The header '${disallowed}' is not allowed in this tempurl`);
  beforeHeaders(res, () => {
    for (const name of res.getHeaderNames()) {
      if (name.startsWith(REMOVED_META) && !name.startsWith(KEPT_META)) res.removeHeader(name);
    }
    if ((req.method === 'GET' || req.method === 'HEAD') && res.statusCode >= 200 && res.statusCode < 300) {
      const stored = res.getHeader('Content-Disposition');
      const value = contentDisposition({
        filename: query.get('filename') ?? undefined,
        inline: query.has('inline'),
        stored: typeof stored === 'string' ? stored : undefined,
        objectName: target.object ?? '',
      });
      res.setHeader('Content-Disposition', value);
    }
  });
}
