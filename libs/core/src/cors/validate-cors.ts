import { GatewayError } from '../errors';
import { CORS_METHODS, CorsConfiguration, CorsMethod, CorsRule, MAX_CORS_RULE_ID, MAX_CORS_RULES } from './cors-rule';

const invalidRequest = (message: string) => new GatewayError('InvalidRequest', message);

/**
 * A CORS configuration as it is stored, after S3's checks with S3's errors. Any dialect's
 * parsed rules come through here; what only a wire format can get wrong is the dialect's to
 * refuse first.
 */
export function normalizeCors(configuration: CorsConfiguration): CorsConfiguration {
  const { rules } = configuration;
  if (rules.length === 0) throw new GatewayError('MalformedXML');
  if (rules.length > MAX_CORS_RULES) throw invalidRequest(`The number of CORS rules should not exceed allowed limit of ${MAX_CORS_RULES} rules.`);
  return { rules: rules.map(normalizeRule) };
}

function normalizeRule(rule: CorsRule): CorsRule {
  if (rule.id !== undefined && rule.id.length > MAX_CORS_RULE_ID) {
    throw new GatewayError('InvalidArgument', `ID length should not exceed allowed limit of ${MAX_CORS_RULE_ID}`);
  }
  if (rule.allowedOrigins.length === 0 || rule.allowedMethods.length === 0) throw new GatewayError('MalformedXML');
  for (const method of rule.allowedMethods) {
    if (!CORS_METHODS.includes(method as CorsMethod)) {
      throw invalidRequest(`Found unsupported HTTP method in CORS config. Unsupported method is ${method}`);
    }
  }
  for (const origin of rule.allowedOrigins) {
    if (wildcards(origin) > 1) throw invalidRequest(`AllowedOrigin "${origin}" can not have more than one wildcard.`);
  }
  for (const header of rule.allowedHeaders) {
    if (wildcards(header) > 1) throw invalidRequest(`AllowedHeader "${header}" can not have more than one wildcard.`);
  }
  for (const header of rule.exposeHeaders) {
    if (wildcards(header) > 0) throw invalidRequest(`ExposeHeader "${header}" contains wildcard. We currently do not support wildcard for ExposeHeader.`);
  }
  const { maxAgeSeconds } = rule;
  if (maxAgeSeconds !== undefined && !(Number.isSafeInteger(maxAgeSeconds) && maxAgeSeconds >= 0)) throw new GatewayError('MalformedXML');
  return {
    ...(rule.id !== undefined && rule.id !== '' ? { id: rule.id } : {}),
    allowedOrigins: rule.allowedOrigins,
    allowedMethods: rule.allowedMethods,
    allowedHeaders: rule.allowedHeaders,
    exposeHeaders: rule.exposeHeaders,
    ...(maxAgeSeconds !== undefined ? { maxAgeSeconds } : {}),
  };
}

const wildcards = (pattern: string): number => pattern.split('*').length - 1;
