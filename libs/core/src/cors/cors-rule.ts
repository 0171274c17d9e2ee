// The one CORS model of the gateway: S3's CORSConfiguration and /v1_ext's JSON `cors` list are
// two spellings of these rules, and every dialect's responses are decided by `matchCors`.

/** The methods a CORS rule may allow (S3's list). */
export const CORS_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'] as const;
export type CorsMethod = (typeof CORS_METHODS)[number];

/** A bucket's CORS configuration: rules tried in order, the first that matches decides. */
export interface CorsConfiguration {
  rules: CorsRule[];
}

export interface CorsRule {
  id?: string;
  /** Origins (`https://app.example.com`), each with at most one `*` wildcard; `*` alone is any origin. */
  allowedOrigins: string[];
  allowedMethods: CorsMethod[];
  /** Request headers a preflight may ask for (case-insensitive, at most one `*` each). */
  allowedHeaders: string[];
  /** Response headers the browser lets the page read. */
  exposeHeaders: string[];
  /** How long a browser may cache the preflight answer. */
  maxAgeSeconds?: number;
}

/** S3 keeps at most 100 rules. */
export const MAX_CORS_RULES = 100;
export const MAX_CORS_RULE_ID = 255;
