import type { CorsConfiguration, CorsRule } from './cors-rule';

/** A cross-origin request as CORS sees it: a preflight's asked method and headers, or an actual request's. */
export interface CorsRequest {
  origin: string;
  /** The actual request's method, or a preflight's Access-Control-Request-Method. */
  method: string;
  /** A preflight's Access-Control-Request-Headers, one name each; none for an actual request. */
  requestHeaders?: readonly string[];
}

/** What the matching rule lets the browser do: the values of the Access-Control-* response headers. */
export interface CorsMatch {
  rule: CorsRule;
  /** The request's origin, or `*` when the rule allows any origin with a lone `*`. */
  allowOrigin: string;
  /** Credentials are allowed unless the answer is the `*` origin (browsers refuse that pair). */
  allowCredentials: boolean;
  allowMethods: readonly string[];
  /** The asked headers, echoed back once all are allowed (what S3 answers). */
  allowHeaders: readonly string[];
  exposeHeaders: readonly string[];
  maxAgeSeconds?: number;
}

/**
 * The first rule that allows the origin, the method and every asked header, as S3 evaluates a
 * bucket's rules; undefined when none does. Origins compare exactly but for the one `*`
 * wildcard a pattern may hold; header names compare case-insensitively.
 */
export function matchCors(configuration: CorsConfiguration | undefined, request: CorsRequest): CorsMatch | undefined {
  const asked = (request.requestHeaders ?? []).map((name) => name.trim()).filter((name) => name !== '');
  for (const rule of configuration?.rules ?? []) {
    const origin = rule.allowedOrigins.find((pattern) => wildcardMatch(pattern, request.origin));
    if (origin === undefined || !(rule.allowedMethods as readonly string[]).includes(request.method)) continue;
    if (!asked.every((name) => rule.allowedHeaders.some((pattern) => wildcardMatch(pattern.toLowerCase(), name.toLowerCase())))) continue;
    const anyOrigin = origin === '*';
    return {
      rule,
      allowOrigin: anyOrigin ? '*' : request.origin,
      allowCredentials: !anyOrigin,
      allowMethods: rule.allowedMethods,
      allowHeaders: asked,
      exposeHeaders: rule.exposeHeaders,
      ...(rule.maxAgeSeconds !== undefined ? { maxAgeSeconds: rule.maxAgeSeconds } : {}),
    };
  }
  return undefined;
}

/** `pattern` with at most one `*` standing for any run of characters. */
function wildcardMatch(pattern: string, value: string): boolean {
  const star = pattern.indexOf('*');
  if (star < 0) return pattern === value;
  const head = pattern.slice(0, star);
  const tail = pattern.slice(star + 1);
  return value.length >= head.length + tail.length && value.startsWith(head) && value.endsWith(tail);
}
