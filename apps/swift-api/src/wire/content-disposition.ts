/**
 * The Content-Disposition of a temp URL download, as Swift's tempurl.py chooses it, written per
 * RFC 6266 / RFC 5987 so that any file name survives HTTP's Latin-1 header rule:
 * `filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded UTF-8>`.
 *
 * API: `contentDisposition({ filename?, inline, stored?, objectName })`:
 * - `inline`: `inline`, with the file name parameters when `filename` is given;
 * - `filename`: `attachment` with the file name parameters;
 * - else the object's stored Content-Disposition, else `attachment; filename="<object basename>"`.
 */
export interface DispositionInput {
  filename?: string;
  inline: boolean;
  stored?: string;
  objectName: string;
}

export function contentDisposition({ filename, inline, stored, objectName }: DispositionInput): string {
  if (inline) return filename ? `inline; ${filenameParams(filename)}` : 'inline';
  if (filename) return `attachment; ${filenameParams(filename)}`;
  if (stored) return stored;
  const base = objectName.replace(/\/+$/, '').split('/').pop() ?? '';
  return `attachment; ${filenameParams(base)}`;
}

function filenameParams(name: string): string {
  // Quoted-string fallback: printable ASCII only, quotes and backslashes escaped.
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '\\$&');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
