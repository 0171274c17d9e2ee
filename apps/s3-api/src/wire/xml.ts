import { Builder, parseStringPromise } from 'xml2js';
import { GatewayError } from '@gw/core';

export const S3_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';

const builder = new Builder({
  xmldec: { version: '1.0', encoding: 'UTF-8' },
  renderOpts: { pretty: false },
});

/** Renders `{ Root: {...} }` as an S3 XML document; element order follows key order. */
export function renderXml(rootName: string, body: object, namespace: string | null = S3_NAMESPACE): string {
  const root = namespace ? { $: { xmlns: namespace }, ...body } : body;
  return builder.buildObject({ [rootName]: root });
}

/**
 * Parses a small XML request body into plain objects: element names as keys, every child as an
 * array (xml2js's explicitArray), namespaces stripped. Anything that is not well-formed XML is
 * MalformedXML, never a 500.
 */
export async function parseXml(body: Buffer): Promise<Record<string, unknown>> {
  try {
    const parsed = await parseStringPromise(body.toString('utf8'), {
      explicitArray: true,
      tagNameProcessors: [(name: string) => name.replace(/^.*:/, '')],
      strict: true,
    });
    if (!parsed || typeof parsed !== 'object') throw new Error('empty document');
    return parsed as Record<string, unknown>;
  } catch {
    throw new GatewayError('MalformedXML');
  }
}

/** The text of the first child element `name` of a parsed element, if any. */
export function childText(element: unknown, name: string): string | undefined {
  const children = (element as Record<string, unknown> | undefined)?.[name];
  if (!Array.isArray(children) || children.length === 0) return undefined;
  const first = children[0];
  if (typeof first === 'string') return first;
  if (first && typeof first === 'object' && '_' in first) return String((first as { _: unknown })._);
  return first && typeof first === 'object' && Object.keys(first).length === 0 ? '' : undefined;
}

export function children(element: unknown, name: string): unknown[] {
  const found = (element as Record<string, unknown> | undefined)?.[name];
  return Array.isArray(found) ? found : [];
}
