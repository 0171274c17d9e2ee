import { splitUrl } from '../sigv4/split-url';
import { signatureV2 } from './signature-v2';
import { stringToSignV2 } from './string-to-sign';

export interface SignRequestV2Input {
  method: string;
  /** Absolute URL, path and query percent-encoded as they will be sent. */
  url: string;
  /** Headers that will be sent (any case); a Date header is added when neither it nor x-amz-date is there. */
  headers?: Record<string, string>;
  accessKeyId: string;
  secretKey: string;
  now: Date;
  /** Virtual-host style: the bucket the Host names. */
  hostBucket?: string;
}

/** Client side of SigV2 header signing, for tests and tools: the headers to add (date, authorization). */
export function signRequestV2(input: SignRequestV2Input): Record<string, string> {
  const { rawPath, rawQuery } = splitUrl(input.url);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.headers ?? {})) headers[name.toLowerCase()] = value;
  const added: Record<string, string> = {};
  if (headers.date === undefined && headers['x-amz-date'] === undefined) added.date = headers.date = input.now.toUTCString();
  const dateElement = headers['x-amz-date'] !== undefined ? '' : headers.date;
  const toSign = stringToSignV2({ method: input.method, rawPath, rawQuery, headers, hostBucket: input.hostBucket }, dateElement);
  return { ...added, authorization: `AWS ${input.accessKeyId}:${signatureV2(input.secretKey, toSign)}` };
}

/** A V2 presigned URL (AWSAccessKeyId, Expires, Signature appended to the query). */
export function presignUrlV2(input: Omit<SignRequestV2Input, 'now'> & { expires: Date }): string {
  const { rawPath, rawQuery } = splitUrl(input.url);
  const expires = String(Math.floor(input.expires.getTime() / 1000));
  const toSign = stringToSignV2({ method: input.method, rawPath, rawQuery, headers: input.headers ?? {}, hostBucket: input.hostBucket }, expires);
  const auth = `AWSAccessKeyId=${encodeURIComponent(input.accessKeyId)}&Expires=${expires}&Signature=${encodeURIComponent(signatureV2(input.secretKey, toSign))}`;
  return `${input.url}${rawQuery === '' ? '?' : '&'}${auth}`;
}
