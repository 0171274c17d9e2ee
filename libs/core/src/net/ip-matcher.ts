// IP and CIDR matching for trusted proxies and IP allow lists, on node:net's BlockList
// (IPv4, IPv6, and IPv4-mapped IPv6 addresses matched against IPv4 rules).
import { BlockList, isIP } from 'node:net';

export type IpMatcher = (address: string) => boolean;

/** `['10.0.0.0/8', '::1']` -> a predicate. Throws a TypeError naming any entry that is not an IP or CIDR. */
export function ipMatcher(list: readonly string[]): IpMatcher {
  if (list.length === 0) return () => false;
  const blocks = new BlockList();
  for (const entry of list) {
    const [address, prefix, ...rest] = entry.trim().split('/');
    const family = isIP(address);
    const bits = family === 4 ? 32 : 128;
    if (family === 0 || rest.length > 0 || (prefix !== undefined && !(/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits))) {
      throw new TypeError(`Not an IP address or CIDR: '${entry}'`);
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) blocks.addAddress(address, type);
    else blocks.addSubnet(address, Number(prefix), type);
  }
  return (address) => {
    const normalized = normalizeIp(address);
    const family = isIP(normalized);
    return family !== 0 && blocks.check(normalized, family === 4 ? 'ipv4' : 'ipv6');
  };
}

/**
 * The plain form of an address as sockets and proxies report it: `::ffff:10.0.0.1` (a dual-stack
 * socket) -> `10.0.0.1`, `[::1]:443` -> `::1`, `10.0.0.1:5678` -> `10.0.0.1`. Anything else is
 * returned trimmed and lowercased, and fails `isIP`.
 */
export function normalizeIp(raw: string): string {
  let address = raw.trim();
  if (address.startsWith('[')) {
    const end = address.indexOf(']');
    if (end > 0) address = address.slice(1, end);
  } else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(address)) {
    address = address.slice(0, address.lastIndexOf(':'));
  }
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return (mapped ? mapped[1] : address).toLowerCase();
}
