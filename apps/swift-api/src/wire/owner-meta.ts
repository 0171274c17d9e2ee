/**
 * Swift's `swift_owner_headers`: metadata that only callers who may administer the account or
 * container see (the temp URL keys: whoever knows one can sign any temp URL or FormPost). The
 * container ACLs are the other owner headers (see container-acl-headers.ts).
 *
 * API: `visibleMeta(meta, owner)`: the metadata to answer with.
 */
const OWNER_META: ReadonlySet<string> = new Set(['temp-url-key', 'temp-url-key-2']);

export const visibleMeta = (meta: Record<string, string>, owner: boolean): Record<string, string> =>
  owner ? meta : Object.fromEntries(Object.entries(meta).filter(([name]) => !OWNER_META.has(name)));
