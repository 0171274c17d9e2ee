/**
 * Swift TempURL signatures, as OpenStack Swift's tempurl middleware checks them.
 *
 * API:
 * - `tempUrlHmacBody({ method, expires, path, ipRange? })`: the text signed, `METHOD\nEXPIRES\nPATH`,
 *   or `ip=RANGE\nMETHOD\nEXPIRES\nPATH` for an IP-restricted URL. For a prefix URL `path` is
 *   `prefix:/v1/account/container/<prefix>`.
 * - `signTempUrl(key, body, algorithm)`: hex HMAC of that body.
 * - `parseTempUrlExpires(value)`: Unix seconds, from an integer or `YYYY-MM-DDTHH:MM:SSZ`; undefined when neither.
 * - `verifyTempUrl(keys, request, now?)`: true when the signature matches any key (the account's
 *   and the container's Temp-URL-Key / Key-2, in any order) for the request's method, path,
 *   prefix and IP range, and `temp_url_expires` is not past. Comparison is constant-time.
 *
 * Signature forms (Swift tempurl.py): plain hex, whose length names the digest (40 sha1,
 * 64 sha256, 128 sha512), or `<digest>:<base64>` (standard or URL-safe alphabet, padding optional).
 * A HEAD is allowed by a signature made for GET, HEAD or PUT, as Swift allows it.
 * `path` is the decoded request path starting at `/v1/` as the client sent it (with `AUTH_` if used).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { BlockList, isIP } from 'node:net';

export type TempUrlAlgorithm = 'sha1' | 'sha256' | 'sha512';

const HEX_LENGTHS: Record<number, TempUrlAlgorithm> = { 40: 'sha1', 64: 'sha256', 128: 'sha512' };
/** The digests signatures may use (also what /info advertises as `allowed_digests`). */
export const TEMP_URL_DIGESTS: readonly TempUrlAlgorithm[] = ['sha1', 'sha256', 'sha512'];
const ALGORITHMS: ReadonlySet<string> = new Set<string>(TEMP_URL_DIGESTS);

export interface TempUrlRequest {
  method: string;
  /** Decoded request path, `/v1/{account}/{container}/{object}`. */
  path: string;
  /** The query parameters as received. */
  sig?: string;
  expires?: string;
  /** `temp_url_prefix`: the URL is valid for every object of the container under this prefix. */
  prefix?: string;
  /** `temp_url_ip_range`: an address or CIDR the caller must come from. */
  ipRange?: string;
  /** The caller's address, needed when `ipRange` is set. */
  clientIp?: string;
}

export interface HmacBodyInput {
  method: string;
  expires: number | string;
  path: string;
  ipRange?: string;
}

export function tempUrlHmacBody({ method, expires, path, ipRange }: HmacBodyInput): string {
  const body = `${method}\n${expires}\n${path}`;
  return ipRange === undefined ? body : `ip=${ipRange}\n${body}`;
}

export function signTempUrl(key: string, body: string, algorithm: TempUrlAlgorithm): string {
  return createHmac(algorithm, key).update(body, 'utf8').digest('hex');
}

const ISO_EXPIRES = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

export function parseTempUrlExpires(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const m = ISO_EXPIRES.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  // Date.UTC rolls over invalid fields (Feb 30); Swift's strptime rejects them.
  const back = new Date(ms);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
  return ms / 1000;
}

/** The digest and raw bytes a `temp_url_sig` carries, or undefined when it is neither form. */
export function parseTempUrlSig(sig: string): { algorithm: TempUrlAlgorithm; digest: Buffer } | undefined {
  const colon = sig.indexOf(':');
  if (colon < 0) {
    const algorithm = HEX_LENGTHS[sig.length];
    return algorithm && /^[0-9a-fA-F]+$/.test(sig) ? { algorithm, digest: Buffer.from(sig, 'hex') } : undefined;
  }
  const name = sig.slice(0, colon);
  const encoded = sig.slice(colon + 1);
  if (!ALGORITHMS.has(name) || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(encoded)) return undefined;
  return { algorithm: name as TempUrlAlgorithm, digest: Buffer.from(encoded, 'base64') };
}

/** The methods whose signature also opens a request made with `method`. */
function signedMethods(method: string): string[] {
  return method === 'HEAD' ? ['HEAD', 'GET', 'PUT'] : [method];
}

function ipAllowed(range: string, clientIp: string | undefined): boolean {
  if (!clientIp) return false;
  const ip = clientIp.startsWith('::ffff:') && isIP(clientIp.slice(7)) === 4 ? clientIp.slice(7) : clientIp;
  const family = isIP(ip);
  if (!family) return false;
  const [address, bits] = range.split('/');
  const rangeFamily = isIP(address);
  if (!rangeFamily) return false;
  const list = new BlockList();
  const type = rangeFamily === 4 ? 'ipv4' : 'ipv6';
  if (bits === undefined) list.addAddress(address, type);
  else {
    const prefix = Number(bits);
    if (!/^\d+$/.test(bits) || prefix > (rangeFamily === 4 ? 32 : 128)) return false;
    list.addSubnet(address, prefix, type);
  }
  return list.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}

/** The path the signature covers: the object path, or `prefix:` and the container path plus prefix. */
function signedPath(request: TempUrlRequest): string | undefined {
  if (request.prefix === undefined) return request.path;
  const parts = request.path.split('/');
  // ['', 'v1', account, container, ...object]
  if (parts.length < 5) return undefined;
  const containerPath = parts.slice(0, 4).join('/') + '/';
  const object = parts.slice(4).join('/');
  return object.startsWith(request.prefix) ? `prefix:${containerPath}${request.prefix}` : undefined;
}

export function verifyTempUrl(keys: readonly string[], request: TempUrlRequest, now: number = Date.now() / 1000): boolean {
  if (!request.sig || keys.length === 0) return false;
  const expires = parseTempUrlExpires(request.expires);
  if (expires === undefined || expires < now) return false;
  const parsed = parseTempUrlSig(request.sig);
  if (!parsed) return false;
  if (request.ipRange !== undefined && !ipAllowed(request.ipRange, request.clientIp)) return false;
  const path = signedPath(request);
  if (path === undefined) return false;
  // Swift signs the integer timestamp even when the URL carries the ISO 8601 form.
  const bodies = signedMethods(request.method).map((method) => tempUrlHmacBody({ method, expires, path, ipRange: request.ipRange }));
  return signatureMatches(parsed, keys, bodies);
}

/**
 * Whether a parsed signature is the HMAC of any of `bodies` under any of `keys`. Every candidate
 * is computed and compared in constant time, so the time taken says nothing of which matched.
 */
export function signatureMatches(sig: { algorithm: TempUrlAlgorithm; digest: Buffer }, keys: readonly string[], bodies: readonly string[]): boolean {
  let matched = false;
  for (const key of keys) {
    for (const body of bodies) {
      const expected = createHmac(sig.algorithm, key).update(body, 'utf8').digest();
      if (expected.length === sig.digest.length && timingSafeEqual(expected, sig.digest)) matched = true;
    }
  }
  return matched;
}
