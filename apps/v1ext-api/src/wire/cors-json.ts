import { CorsConfiguration, CorsMethod, CorsRule, GatewayError } from '@gw/core';

// The /v1_ext JSON spelling of the core's CORS model: `{"cors": [{allowed_origins, allowed_methods,
// allowed_headers, expose_headers, max_age_seconds}]}`. The limits only /v1_ext sets are checked
// here; the rest (methods, wildcards) by the core's `normalizeCors`, as for S3.

/** The spec's limits: at most 10 rules, origins of at most 200 characters. */
export const MAX_V1EXT_CORS_RULES = 10;
export const MAX_V1EXT_CORS_ORIGIN = 200;

const invalid = (message: string) => new GatewayError('InvalidArgument', message);

/** The rules of a PUT body; undefined for an empty body or `{"cors": []}` (back to the default policy). */
export function parseCorsJson(body: unknown): CorsConfiguration | undefined {
  if (body === undefined) return undefined;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw invalid('The body must be an object with a cors list.');
  const { cors } = body as Record<string, unknown>;
  if (cors === undefined || cors === null) return undefined;
  if (!Array.isArray(cors)) throw invalid('cors must be a list of rules.');
  if (cors.length === 0) return undefined;
  if (cors.length > MAX_V1EXT_CORS_RULES) throw invalid(`cors may hold at most ${MAX_V1EXT_CORS_RULES} rules.`);
  return { rules: cors.map(parseRule) };
}

function parseRule(rule: unknown, index: number): CorsRule {
  const where = `cors[${index}]`;
  if (rule === null || typeof rule !== 'object' || Array.isArray(rule)) throw invalid(`${where} must be an object.`);
  const fields = rule as Record<string, unknown>;
  const allowedOrigins = strings(fields.allowed_origins, `${where}.allowed_origins`, true);
  for (const origin of allowedOrigins) {
    if (origin.length > MAX_V1EXT_CORS_ORIGIN) throw invalid(`${where}.allowed_origins: an origin may have at most ${MAX_V1EXT_CORS_ORIGIN} characters.`);
  }
  const allowedMethods = strings(fields.allowed_methods, `${where}.allowed_methods`, true).map((m) => m.toUpperCase()) as CorsMethod[];
  const maxAge = fields.max_age_seconds;
  if (maxAge !== undefined && maxAge !== null && !(Number.isSafeInteger(maxAge) && (maxAge as number) >= 0)) {
    throw invalid(`${where}.max_age_seconds must be a non-negative integer.`);
  }
  return {
    allowedOrigins,
    allowedMethods,
    allowedHeaders: strings(fields.allowed_headers, `${where}.allowed_headers`, false),
    exposeHeaders: strings(fields.expose_headers, `${where}.expose_headers`, false),
    ...(typeof maxAge === 'number' ? { maxAgeSeconds: maxAge } : {}),
  };
}

/** A list of strings; absent or null is an empty list unless `required` (then at least one entry). */
function strings(value: unknown, where: string, required: boolean): string[] {
  if (value === undefined || value === null) {
    if (required) throw invalid(`${where} is required.`);
    return [];
  }
  if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string')) throw invalid(`${where} must be a list of strings.`);
  if (required && value.length === 0) throw invalid(`${where} must not be empty.`);
  return value;
}

/** The rules as the spec's answers write them; none is `{"cors": []}`. */
export function renderCorsJson(configuration: CorsConfiguration | undefined): { cors: object[] } {
  return {
    cors: (configuration?.rules ?? []).map((rule) => ({
      allowed_origins: rule.allowedOrigins,
      allowed_headers: rule.allowedHeaders,
      allowed_methods: rule.allowedMethods,
      expose_headers: rule.exposeHeaders,
      ...(rule.maxAgeSeconds !== undefined ? { max_age_seconds: rule.maxAgeSeconds } : {}),
    })),
  };
}
