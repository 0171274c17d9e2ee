import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';
import { IpMatcher, ipMatcher, normalizeIp } from './ip-matcher';

/**
 * The address of the client: the socket peer, unless the peer is a trusted proxy. Then
 * X-Forwarded-For is walked from the right (each proxy appends the address it saw) and the first
 * entry that is not itself a trusted proxy is the client; entries left of it are whatever the
 * client chose to send and are never believed. Express's `trust proxy` is not used, because it
 * would also make `req.hostname` and `req.protocol` follow forwarded headers.
 */
export function clientAddress(req: IncomingMessage, trustedProxies: IpMatcher | readonly string[]): string {
  const trusted = typeof trustedProxies === 'function' ? trustedProxies : ipMatcher(trustedProxies);
  const peer = normalizeIp(req.socket.remoteAddress ?? '');
  if (peer === '' || !trusted(peer)) return peer;
  const header = req.headers['x-forwarded-for'];
  if (!header) return peer;
  const hops = (Array.isArray(header) ? header.join(',') : header).split(',').map(normalizeIp);
  let address = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    // A malformed entry ends the chain: the last address we could read is the best we know.
    if (isIP(hops[i]) === 0) break;
    address = hops[i];
    if (!trusted(address)) break;
  }
  return address;
}
