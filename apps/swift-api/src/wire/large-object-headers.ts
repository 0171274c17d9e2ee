/**
 * How Swift shows a large object on the wire.
 *
 * API:
 * - `writeLargeObjectHeaders(res, object)`: on GET/HEAD of an SLO `X-Static-Large-Object: True`,
 *   of a DLO `X-Object-Manifest: container/prefix`; either way the ETag quoted, as Swift sends
 *   the ETag of a large object (clients then skip checking it against the MD5 of the body), on
 *   a ranged 206 too (slo.py and dlo.py answer a range with the large object's ETag).
 * - `sloManifestBody(manifest, raw)`: the `?multipart-manifest=get` body as Swift's json.dumps
 *   writes it; with `raw` (`&format=raw`) in the form a manifest PUT takes back
 *   (`path, etag, size_bytes[, range]`).
 */
import type { Response } from 'express';
import { LargeObjectManifest, ObjectRecord, SloManifestEntry, swiftQuote } from '@gw/core';

export function writeLargeObjectHeaders(res: Response, object: ObjectRecord): void {
  const large = object.largeObject;
  if (!large) return;
  res.setHeader('ETag', `"${object.etag}"`);
  if (large.kind === 'slo') res.setHeader('X-Static-Large-Object', 'True');
  else res.setHeader('X-Object-Manifest', dloManifestHeader(large));
}

const dloManifestHeader = (dlo: Extract<LargeObjectManifest, { kind: 'dlo' }>): string => `${swiftQuote(dlo.container)}/${swiftQuote(dlo.prefix)}`;

export function sloManifestBody(manifest: readonly SloManifestEntry[], raw: boolean): string {
  // Written in Swift's key order: jsonb does not keep the order the manifest was stored in.
  const entries = manifest.map((e) =>
    raw
      ? { path: e.name, etag: e.hash, size_bytes: e.bytes, ...(e.range ? { range: e.range } : {}) }
      : {
          name: e.name,
          bytes: e.bytes,
          hash: e.hash,
          content_type: e.content_type,
          last_modified: e.last_modified,
          ...(e.range ? { range: e.range } : {}),
          ...(e.sub_slo ? { sub_slo: true } : {}),
        },
  );
  return pythonJson(entries);
}

/** JSON spaced as Python's json.dumps spaces it (`", "` and `": "`), non-ASCII escaped as it does. */
function pythonJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value).map(([k, v]) => `${pythonJson(k)}: ${pythonJson(v)}`).join(', ')}}`;
  }
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
