// The S3 calls the scale measurements need beyond PUT and GET, over S3RawClient: the multipart
// upload steps and a ListObjectsV2 page. Replies are read with regular expressions: the benchmark
// needs a handful of fields, not an XML library in its timed loop.
import { createHash } from 'node:crypto';
import type http from 'node:http';
import type { RawRequest, S3RawClient } from './s3-raw-client';
import { nowMs } from './units';

export interface CompletedPart {
  partNumber: number;
  etag: string;
}

const field = (xml: string, name: string): string | undefined => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
const unquote = (etag: string): string => etag.replace(/&quot;|"/g, '');
const count = (xml: string, element: string): number => xml.split(`<${element}>`).length - 1;

export async function createMultipartUpload(client: S3RawClient, bucket: string, key: string): Promise<string> {
  const res = await client.send({ method: 'POST', bucket, key, query: { uploads: '' }, body: Buffer.alloc(0), keepText: true });
  const uploadId = field(res.text ?? '', 'UploadId');
  if (!uploadId) throw new Error(`CreateMultipartUpload ${bucket}/${key}: no UploadId in ${res.text}`);
  return uploadId;
}

/** Returns the part's ETag without quotes. */
export async function uploadPart(
  client: S3RawClient, bucket: string, key: string, uploadId: string, partNumber: number, body: RawRequest['body'], agent?: http.Agent,
): Promise<string> {
  const res = await client.send({ method: 'PUT', bucket, key, query: { partNumber: String(partNumber), uploadId }, body, agent });
  return unquote(String(res.headers.etag ?? ''));
}

/** Returns the object's ETag (without quotes) and how long the request took, in ms. */
export async function completeMultipartUpload(
  client: S3RawClient, bucket: string, key: string, uploadId: string, parts: CompletedPart[],
): Promise<{ etag: string; ms: number }> {
  const xml = '<CompleteMultipartUpload>' +
    parts.map((p) => `<Part><PartNumber>${p.partNumber}</PartNumber><ETag>"${p.etag}"</ETag></Part>`).join('') +
    '</CompleteMultipartUpload>';
  const started = nowMs();
  const res = await client.send({ method: 'POST', bucket, key, query: { uploadId }, body: Buffer.from(xml), keepText: true });
  const ms = nowMs() - started;
  // S3 may answer 200 with an <Error> body once it has started to reply.
  if ((res.text ?? '').includes('<Error>')) throw new Error(`CompleteMultipartUpload ${bucket}/${key}: ${res.text}`);
  return { etag: unquote(field(res.text ?? '', 'ETag') ?? ''), ms };
}

/** S3's multipart ETag: MD5 of the parts' binary MD5s, a dash, the part count. */
export function expectedMultipartEtag(partEtags: string[]): string {
  const md5 = createHash('md5');
  for (const etag of partEtags) md5.update(Buffer.from(etag, 'hex'));
  return `${md5.digest('hex')}-${partEtags.length}`;
}

export interface ListPageQuery {
  maxKeys: number;
  prefix?: string;
  delimiter?: string;
  startAfter?: string;
  continuationToken?: string;
}

export interface ListPage {
  /** Request to the end of the reply, in ms (parsing excluded). */
  ms: number;
  keys: number;
  commonPrefixes: number;
  isTruncated: boolean;
  nextContinuationToken?: string;
}

export async function listObjectsV2Page(client: S3RawClient, bucket: string, q: ListPageQuery, agent?: http.Agent): Promise<ListPage> {
  const query: Record<string, string> = { 'list-type': '2', 'max-keys': String(q.maxKeys) };
  if (q.prefix !== undefined) query.prefix = q.prefix;
  if (q.delimiter !== undefined) query.delimiter = q.delimiter;
  if (q.startAfter !== undefined) query['start-after'] = q.startAfter;
  if (q.continuationToken !== undefined) query['continuation-token'] = q.continuationToken;
  const started = nowMs();
  const res = await client.send({ method: 'GET', bucket, query, agent, keepText: true });
  const ms = nowMs() - started;
  const text = res.text ?? '';
  return {
    ms,
    keys: count(text, 'Contents'),
    commonPrefixes: count(text, 'CommonPrefixes'),
    isTruncated: field(text, 'IsTruncated') === 'true',
    nextContinuationToken: field(text, 'NextContinuationToken'),
  };
}
