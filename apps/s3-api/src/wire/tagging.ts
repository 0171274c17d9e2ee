import type { IncomingHttpHeaders } from 'node:http';
import { GatewayError, tagSetFrom } from '@gw/core';
import { childText, children, parseXml } from './xml';

/**
 * The tags of `x-amz-tagging` (PutObject, CreateMultipartUpload, CopyObject with the tagging
 * directive REPLACE): URL query encoding, `k1=v1&k2=v2`, `+` for a space, a tag without `=` has
 * an empty value. A header S3 could not decode (bad escapes, not UTF-8, a tag without a name, a
 * name twice) is InvalidArgument; then the tag set is checked as every tag set is.
 */
export function parseTaggingHeader(headers: IncomingHttpHeaders): Record<string, string> | undefined {
  const header = headers['x-amz-tagging'];
  if (header === undefined) return undefined;
  const value = String(header);
  const entries: [string, string][] = [];
  for (const pair of value.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const name = decodeTagText(equals < 0 ? pair : pair.slice(0, equals), value);
    const text = equals < 0 ? '' : decodeTagText(pair.slice(equals + 1), value);
    if (name === '' || entries.some(([existing]) => existing === name)) throw invalidTaggingHeader(value);
    entries.push([name, text]);
  }
  return tagSetFrom(entries);
}

function decodeTagText(encoded: string, header: string): string {
  try {
    return decodeURIComponent(encoded.replace(/\+/g, ' '));
  } catch {
    throw invalidTaggingHeader(header);
  }
}

const invalidTaggingHeader = (value: string): GatewayError =>
  new GatewayError(
    'InvalidArgument',
    "The header 'x-amz-tagging' shall be encoded as UTF-8 then URLEncoded URL query parameters without tag name duplicates.",
    { ArgumentName: 'x-amz-tagging', ArgumentValue: value },
  );

/**
 * The tag set of a PutObjectTagging document: `<Tagging><TagSet><Tag><Key/><Value/></Tag>...`.
 * A document of another shape, or a tag without its Key or Value element, is MalformedXML.
 */
export async function parseTaggingDocument(body: Buffer): Promise<Record<string, string>> {
  if (body.length === 0) throw new GatewayError('MissingRequestBodyError');
  const document = await parseXml(body);
  const tagSets = children(document.Tagging, 'TagSet');
  if (tagSets.length !== 1) throw new GatewayError('MalformedXML');
  const entries = children(tagSets[0], 'Tag').map((tag): [string, string] => {
    const key = childText(tag, 'Key');
    const value = childText(tag, 'Value');
    if (key === undefined || value === undefined) throw new GatewayError('MalformedXML');
    return [key, value];
  });
  return tagSetFrom(entries);
}

/** The `<Tagging>` document of GetObjectTagging. */
export function taggingDocument(tags: Record<string, string>): object {
  return { TagSet: { Tag: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) } };
}
