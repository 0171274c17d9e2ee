import { GatewayError } from '@gw/core';
import { uriEncode } from '@gw/auth';

/** max-keys: 0..1000, default 1000; larger values are capped, as S3 does. */
export function parseMaxKeys(query: URLSearchParams, name = 'max-keys'): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return 1000;
  if (!/^\d+$/.test(raw)) throw new GatewayError('InvalidArgument', `Provided ${name} not an integer or within integer range`, { ArgumentName: name, ArgumentValue: raw });
  return Math.min(Number(raw), 1000);
}

/** `encoding-type`: only `url` exists. */
export function parseEncodingType(query: URLSearchParams): 'url' | undefined {
  const value = query.get('encoding-type');
  if (value === null || value === '') return undefined;
  if (value.toLowerCase() !== 'url') throw new GatewayError('InvalidArgument', 'Invalid Encoding Method specified in Request', { ArgumentName: 'encoding-type', ArgumentValue: value });
  return 'url';
}

/** With encoding-type=url, keys and prefixes in listings are URL-encoded (slashes kept). */
export function keyEncoder(encoding: 'url' | undefined): (value: string) => string {
  return encoding === 'url' ? (value) => uriEncode(value, false) : (value) => value;
}

/** The parameters ListObjects v1 and v2 share. */
export interface ListQuery {
  prefix: string;
  delimiter: string;
  maxKeys: number;
  encoding: 'url' | undefined;
  encode: (value: string) => string;
}

export function parseListQuery(query: URLSearchParams): ListQuery {
  const encoding = parseEncodingType(query);
  return {
    prefix: query.get('prefix') ?? '',
    delimiter: query.get('delimiter') ?? '',
    maxKeys: parseMaxKeys(query),
    encoding,
    encode: keyEncoder(encoding),
  };
}
