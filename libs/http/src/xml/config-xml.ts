import { GatewayError } from '@gw/core';
import { childText, children, parseXml } from './xml';

// Strict reading of bucket configuration documents (lifecycle, CORS, logging): S3 validates
// them against its schema, so an element it does not know, or one given twice where one is
// allowed, is MalformedXML rather than silently ignored.

/** The root element `rootName` of a configuration body, holding only `allowed` children. */
export async function parseConfigDocument(body: Buffer, rootName: string, allowed: readonly string[]): Promise<unknown> {
  if (body.length === 0) throw new GatewayError('MissingRequestBodyError');
  const document = await parseXml(body);
  if (!(rootName in document)) throw new GatewayError('MalformedXML');
  const root = document[rootName];
  expectOnly(root, allowed);
  return root;
}

/**
 * Refuses child elements other than `allowed`. Elements S3 knows but this gateway does not
 * serve are NotImplemented, with the reason given in `unsupported`.
 */
export function expectOnly(element: unknown, allowed: readonly string[], unsupported: Readonly<Record<string, string>> = {}): void {
  if (element === null || typeof element !== 'object') return;
  for (const name of Object.keys(element)) {
    if (name === '$' || name === '_' || allowed.includes(name)) continue;
    if (name in unsupported) throw new GatewayError('NotImplemented', unsupported[name]);
    throw new GatewayError('MalformedXML');
  }
}

/** The one child element `name`, if present (more than one is MalformedXML). */
export function optionalChild(element: unknown, name: string): unknown {
  const found = children(element, name);
  if (found.length > 1) throw new GatewayError('MalformedXML');
  return found[0];
}

/** The text of the one child element `name`, if present; an element with elements inside, or given twice, is MalformedXML. */
export function optionalText(element: unknown, name: string): string | undefined {
  const found = children(element, name);
  if (found.length === 0) return undefined;
  const text = childText(element, name);
  if (found.length > 1 || text === undefined) throw new GatewayError('MalformedXML');
  return text;
}

export function requiredText(element: unknown, name: string): string {
  const text = optionalText(element, name);
  if (text === undefined) throw new GatewayError('MalformedXML');
  return text;
}

/** The texts of every child element `name` (none is an empty list). */
export function texts(element: unknown, name: string): string[] {
  return children(element, name).map((node) => {
    const text = childText({ [name]: [node] }, name);
    if (text === undefined) throw new GatewayError('MalformedXML');
    return text;
  });
}

/** An xsd:int as S3 reads it: optional sign and digits; anything else is MalformedXML. The range is the model's to judge. */
export function integerText(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[+-]?\d{1,15}$/.test(text.trim())) throw new GatewayError('MalformedXML');
  return Number(text.trim());
}
