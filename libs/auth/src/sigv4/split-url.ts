/** An absolute URL cut into the pieces a signer needs, without any normalisation (WHATWG URL would resolve '..' in keys). */
export interface UrlParts {
  scheme: string;
  /** host[:port] exactly as written: the Host header value. */
  authority: string;
  /** Percent-encoded path, '/' when empty. */
  rawPath: string;
  /** After '?', '' when there is none. */
  rawQuery: string;
}

const ABSOLUTE_URL = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]+)([^?#]*)(?:\?([^#]*))?(?:#.*)?$/;

export function splitUrl(url: string): UrlParts {
  const match = ABSOLUTE_URL.exec(url);
  if (!match) throw new TypeError(`not an absolute http(s) URL: ${url}`);
  return { scheme: match[1], authority: match[2], rawPath: match[3] || '/', rawQuery: match[4] ?? '' };
}
