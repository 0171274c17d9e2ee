// KakaoCloud Swift "Create temp URL for downloading object" (GET /v1/{account}/{bucket}/{path}?temp_url&temp_url_expires=N): 200 {"url","sig"}.
import { issueTempUrl, newTempUrlKey, parseIssueExpires, TEMP_URL_KEY } from '@gw/auth';
import { GatewayError } from '@gw/core';
import { containerOf, SwiftOperation } from '../routing/swift-operation';
import { sendBody } from '../wire/common-headers';

/**
 * `temp_url_expires` is the URL's expiry as a Unix timestamp in seconds: the download section of
 * the spec names it so and the issued URL carries the same value. A time already past is refused.
 * The URL is signed with the account's Temp-URL-Key, generated (256 random bits) and stored as
 * account metadata on first use, so it shows and rotates the standard Swift way. As with Swift's
 * client-side `swift tempurl`, the object need not exist yet (the spec's 404 is for the bucket).
 */
export const issueTempUrlOp: SwiftOperation = {
  name: 'IssueTempUrl',
  action: 'storage.objects.get',
  needsBucket: true,
  async run(call) {
    const { account, query, services } = call;
    // The spec requires X-Auth-Token: a public (`.r:*`) object gives anonymous callers no signing key.
    if (call.principal.kind === 'anonymous') throw new GatewayError('Unauthorized');
    const expires = parseIssueExpires(query.get('temp_url_expires') ?? undefined);
    if (expires <= Date.now() / 1000) throw new GatewayError('InvalidArgument', 'temp_url_expires must be a Unix timestamp in the future');
    const bucket = containerOf(call);
    const key = account.meta[TEMP_URL_KEY] || (await services.storage.accounts.metaEntryOrSet(account.id, TEMP_URL_KEY, newTempUrlKey()));
    const issued = issueTempUrl({ key, path: `/v1/${account.id}/${bucket.name}/${call.target.object}`, expires });
    sendBody(call.res, 200, 'application/json; charset=utf-8', JSON.stringify(issued));
  },
};
