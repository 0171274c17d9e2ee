import type { IncomingMessage } from 'node:http';
import { clientAddress } from './client-address';
import { IpMatcher, ipMatcher } from './ip-matcher';

/** The request facts the access decision point weighs besides the principal (its `context`). */
export interface RequestAccessContext {
  /** The client's address: the socket's, or X-Forwarded-For's as told by a trusted proxy. */
  sourceIp: string;
  referer?: string;
}

/**
 * A function that reads the access context of a request, built once per app: bucket IP allow
 * lists match `sourceIp`, Swift `.r:` ACLs match `referer`.
 */
export function accessContextReader(trustedProxies: IpMatcher | readonly string[] = []): (req: IncomingMessage) => RequestAccessContext {
  const trusted = typeof trustedProxies === 'function' ? trustedProxies : ipMatcher(trustedProxies);
  return (req) => {
    const referer = req.headers.referer;
    return { sourceIp: clientAddress(req, trusted), ...(referer ? { referer } : {}) };
  };
}
