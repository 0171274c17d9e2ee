import type { IncomingHttpHeaders } from 'node:http';
import type { Response } from 'express';
import { GatewayError, ServerSideEncryption } from '@gw/core';

const SSE_HEADER = 'x-amz-server-side-encryption';
const KMS_HEADERS = ['x-amz-server-side-encryption-aws-kms-key-id', 'x-amz-server-side-encryption-context'];
/** SSE-C: keys the client provides with each request (for the object, and for a copy's source). */
const CUSTOMER_KEY_HEADERS = ['x-amz-', 'x-amz-copy-source-'].flatMap((prefix) =>
  ['algorithm', 'key', 'key-md5'].map((suffix) => `${prefix}server-side-encryption-customer-${suffix}`),
);

/**
 * The encryption at rest a write asks for (PutObject, CreateMultipartUpload, CopyObject):
 * `x-amz-server-side-encryption: AES256` (SSE-S3), or nothing, and then the bucket's default
 * decides. Any other value, and SSE-KMS parameters, are InvalidArgument as in S3; keys provided
 * by the client (SSE-C) are not implemented.
 */
export function readServerSideEncryption(headers: IncomingHttpHeaders): ServerSideEncryption | undefined {
  refuseCustomerKeys(headers);
  const value = headers[SSE_HEADER];
  if (value !== undefined && value !== 'AES256') {
    throw new GatewayError('InvalidArgument', 'The encryption method specified is not supported', { ArgumentName: SSE_HEADER, ArgumentValue: String(value) });
  }
  const kms = KMS_HEADERS.find((name) => headers[name] !== undefined);
  if (kms) {
    throw new GatewayError('InvalidArgument', `${kms} is only valid with x-amz-server-side-encryption: aws:kms, which this gateway does not offer.`, {
      ArgumentName: kms,
      ArgumentValue: String(headers[kms]),
    });
  }
  return value;
}

/** SSE-C headers on any object request: this gateway encrypts with its own keys only. */
export function refuseCustomerKeys(headers: IncomingHttpHeaders): void {
  if (CUSTOMER_KEY_HEADERS.some((name) => headers[name] !== undefined)) {
    throw new GatewayError('NotImplemented', 'Server-side encryption with customer-provided keys (SSE-C) is not implemented.');
  }
}

/** `x-amz-server-side-encryption` of an answer about an object (or part) encrypted at rest. */
export function writeServerSideEncryption(res: Response, encryption: ServerSideEncryption | undefined): void {
  if (encryption) res.setHeader(SSE_HEADER, encryption);
}
