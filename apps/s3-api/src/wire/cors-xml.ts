import type { CorsConfiguration, CorsMethod, CorsRule } from '@gw/core';
import { expectOnly, integerText, optionalText, parseConfigDocument, texts } from './config-xml';
import { children, renderXml } from './xml';

// S3's <CORSConfiguration> (PutBucketCors, GetBucketCors) to and from the core's CORS model.

export async function parseCorsXml(body: Buffer): Promise<CorsConfiguration> {
  const configuration = await parseConfigDocument(body, 'CORSConfiguration', ['CORSRule']);
  return { rules: children(configuration, 'CORSRule').map(parseRule) };
}

function parseRule(rule: unknown): CorsRule {
  expectOnly(rule, ['ID', 'AllowedOrigin', 'AllowedMethod', 'AllowedHeader', 'ExposeHeader', 'MaxAgeSeconds']);
  const id = optionalText(rule, 'ID');
  const maxAgeSeconds = integerText(optionalText(rule, 'MaxAgeSeconds'));
  return {
    ...(id !== undefined ? { id } : {}),
    allowedOrigins: texts(rule, 'AllowedOrigin'),
    allowedMethods: texts(rule, 'AllowedMethod') as CorsMethod[],
    allowedHeaders: texts(rule, 'AllowedHeader'),
    exposeHeaders: texts(rule, 'ExposeHeader'),
    ...(maxAgeSeconds !== undefined ? { maxAgeSeconds } : {}),
  };
}

export function renderCorsXml(configuration: CorsConfiguration): string {
  return renderXml('CORSConfiguration', {
    CORSRule: configuration.rules.map((rule) => ({
      ...(rule.id !== undefined ? { ID: rule.id } : {}),
      AllowedHeader: rule.allowedHeaders,
      AllowedMethod: rule.allowedMethods,
      AllowedOrigin: rule.allowedOrigins,
      ExposeHeader: rule.exposeHeaders,
      ...(rule.maxAgeSeconds !== undefined ? { MaxAgeSeconds: rule.maxAgeSeconds } : {}),
    })),
  });
}
