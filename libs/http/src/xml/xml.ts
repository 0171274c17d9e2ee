import { parseStringPromise } from 'xml2js';
import { GatewayError } from '@gw/core';

export const S3_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/**
 * Renders `{ Root: {...} }` as an S3 XML document; element order follows key order. The object
 * conventions are xml2js's: `$` holds attributes, `_` text content, an array repeats its element,
 * null/undefined/'' give an empty element.
 * `$$` holds children of different names in the order given, each a one-key object
 * (ListObjectVersions interleaves `Version` and `DeleteMarker` that way).
 *
 * Written here rather than with xml2js's Builder because that one throws on characters XML 1.0
 * text cannot hold, and object keys may contain them (only NUL is refused in a key): a
 * listing or an error document naming such a key must not become a 500. Like S3, they are
 * written as character references (`&#x1;`); clients that cannot read those ask for
 * encoding-type=url.
 */
export function renderXml(rootName: string, body: object, namespace: string | null = S3_NAMESPACE): string {
  const root = namespace ? { $: { xmlns: namespace }, ...body } : body;
  return DECLARATION + renderElement(rootName, root);
}

function renderElement(name: string, value: unknown): string {
  let attributes = '';
  let content = '';
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$') {
        for (const [attribute, v] of Object.entries(child as object)) attributes += ` ${attribute}="${escapeAttribute(String(v ?? ''))}"`;
      } else if (key === '_') content += escapeText(String(child ?? ''));
      else if (key === '$$') for (const item of child as object[]) for (const [k, v] of Object.entries(item)) content += renderElement(k, v);
      else if (Array.isArray(child)) for (const item of child) content += renderElement(key, item);
      else content += renderElement(key, child);
    }
  } else if (value !== null && value !== undefined) {
    content = escapeText(String(value));
  }
  return content === '' ? `<${name}${attributes}/>` : `<${name}${attributes}>${content}</${name}>`;
}

// Characters XML 1.0 does not allow in text (C0 controls but tab, LF and CR; U+FFFE, U+FFFF; lone surrogates).
const NOT_XML_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const charReference = (c: string): string => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`;

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;').replace(NOT_XML_TEXT, charReference);
}

function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#x9;')
    .replace(/\n/g, '&#xA;')
    .replace(/\r/g, '&#xD;')
    .replace(NOT_XML_TEXT, charReference);
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
