import type { SignableRequest } from '../sigv4/types';

/** What SigV2 needs of a request: what SigV4 does, and the bucket a virtual-host-style Host named. */
export interface SigV2Request extends SignableRequest {
  /** Set when the Host header addressed the bucket (`bucket.{S3_DOMAIN}`): V2 signs it as a path prefix. */
  hostBucket?: string;
}

/** A request's SigV2 credentials, read and time-checked but not yet verified against a secret. */
export interface ParsedSigV2 {
  accessKeyId: string;
  /** Base64 HMAC-SHA1 as sent. */
  signature: string;
  presigned: boolean;
  /** The fourth line of the string to sign: Date, '' (x-amz-date sent) or Expires. */
  dateElement: string;
  securityToken?: string;
}
