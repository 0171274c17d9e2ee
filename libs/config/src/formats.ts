// Predicates for the value formats settings use. Pure, so each is easy to test on its own.
import { isIP } from 'node:net';

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOSTNAME = new RegExp(`^(?=.{1,253}$)${LABEL}(?:\\.${LABEL})*$`, 'i');

/** An IP address or a DNS name: what `listen()` and a Host header accept. */
export function isHost(value: string): boolean {
  return isIP(value) !== 0 || HOSTNAME.test(value);
}

/** A bare DNS name (no scheme, no port), as virtual-host addressing matches it. */
export function isDomain(value: string): boolean {
  return HOSTNAME.test(value);
}

/** Lowercase words joined by hyphens, as AWS-style region names are (`kr-central-2`). */
export function isRegion(value: string): boolean {
  return value.length <= 32 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value);
}

/** An http(s) base URL: no credentials, query or fragment, since paths get appended to it. */
export function isBaseUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.username === '' &&
    url.password === '' &&
    !value.includes('?') &&
    !value.includes('#')
  );
}

/** `http://Host:80/x/` -> `http://host/x`: paths are appended with a leading slash. */
export function normalizeBaseUrl(value: string): string {
  const url = new URL(value);
  return url.origin + url.pathname.replace(/\/+$/, '');
}

/** `10.0.0.1`, `10.0.0.0/8`, `::1`, `fd00::/8`. */
export function isIpOrCidr(value: string): boolean {
  const [address, prefix, ...rest] = value.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** How a listen address appears in a URL: IPv6 in brackets, wildcards replaced by loopback. */
export function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return isIP(host) === 6 ? `[${host}]` : host;
}
