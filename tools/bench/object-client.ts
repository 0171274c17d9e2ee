// What the throughput measurements (large-object PUT/GET, 4 KiB PUT/GET) need from a protocol
// client, so that the same code measures S3 and Swift against the same gateway: put a body under
// a key of a bucket (Swift: container), get it back drained. S3RawClient and SwiftRawClient
// implement it.
import type http from 'node:http';
import type { RawBody, RawResponse } from './raw-http';

export interface ObjectClient {
  /** 'S3', 'Swift': for labels. */
  readonly protocol: string;
  /** PUT with a body; returns the ETag without quotes. */
  putObject(bucket: string, key: string, body: RawBody, agent?: http.Agent | false): Promise<string>;
  /** GET that counts the body's bytes and drops them. */
  getObject(bucket: string, key: string, agent?: http.Agent | false): Promise<RawResponse>;
}
