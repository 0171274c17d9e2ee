/**
 * Swift DLO manifests (`X-Object-Manifest: container/prefix`), as Swift's dlo.py reads them.
 *
 * API:
 * - `parseDloManifest(value)` -> `{ container, prefix }`, URL-decoded; InvalidArgument
 *   "X-Object-Manifest must be in the format container/prefix" when either part is empty, the
 *   prefix starts with `/`, or the value has `?` or `&` (Swift's PUT check).
 * - `dloEtag(segmentEtags)`: md5 of the segments' ETags concatenated in name order, as Swift
 *   answers a DLO GET/HEAD (unquoted here; the dialect quotes it).
 * The segments themselves are the container's objects under the prefix in name order; the
 * app lists them and builds the parts with `segmentsToParts`.
 */
import { createHash } from 'node:crypto';
import { GatewayError } from '../errors';

export interface DloManifest {
  container: string;
  prefix: string;
}

const BAD_FORMAT = 'X-Object-Manifest must be in the format container/prefix';

export function parseDloManifest(value: string): DloManifest {
  const slash = value.indexOf('/');
  const container = slash < 0 ? '' : value.slice(0, slash);
  const prefix = slash < 0 ? '' : value.slice(slash + 1);
  if (!container || !prefix || value.includes('?') || value.includes('&') || prefix.startsWith('/')) {
    throw new GatewayError('InvalidArgument', BAD_FORMAT);
  }
  try {
    return { container: decodeURIComponent(container), prefix: decodeURIComponent(prefix) };
  } catch {
    throw new GatewayError('InvalidArgument', BAD_FORMAT);
  }
}

export function dloEtag(segmentEtags: readonly string[]): string {
  const md5 = createHash('md5');
  for (const etag of segmentEtags) md5.update(etag);
  return md5.digest('hex');
}
