import type { IncomingHttpHeaders } from 'node:http';
import type { CredentialScope } from './canonical-request';

/** What SigV4 needs of an HTTP request; the http layer builds it from IncomingMessage. */
export interface SignableRequest {
  method: string;
  /** The path as sent, still percent-encoded, without the query. */
  rawPath: string;
  /** Everything after '?', still percent-encoded; '' when there is none. */
  rawQuery: string;
  headers: IncomingHttpHeaders;
  /** IncomingMessage.rawHeaders: lets repeated headers be joined the way the client signed them. */
  rawHeaders?: string[];
}

/** A request's SigV4 credentials, read and sanity-checked but not yet verified against a secret. */
export interface ParsedSigV4 {
  accessKeyId: string;
  /** The timestamp line of the string to sign, `YYYYMMDDTHHMMSSZ`. */
  amzDate: string;
  requestTime: Date;
  scope: CredentialScope;
  /** Lowercase, as listed by the client. */
  signedHeaders: string[];
  signature: string;
  /** The payload hash of the canonical request: 64 hex, UNSIGNED-PAYLOAD or a STREAMING-* value. */
  payloadHash: string;
  presigned: boolean;
  expiresSeconds?: number;
  securityToken?: string;
}

export interface ParseSigV4Options {
  /** The service the scope must name: 's3'. */
  service: string;
  /**
   * AWS answers a header-signed request without x-amz-content-sha256 with InvalidRequest
   * (default). Ceph RGW instead signs it as UNSIGNED-PAYLOAD; `false` does the same.
   */
  requireContentSha256?: boolean;
}
