import { GatewayError } from '@gw/core';
import { canonicalHeaders } from './canonical-headers';
import { canonicalQuery } from './canonical-query';
import { canonicalRequest, stringToSign } from './canonical-request';
import { canonicalUri } from './canonical-uri';
import { deriveSigningKey, signature, timingSafeEqualHex } from './signing-key';
import type { ParsedSigV4, SignableRequest } from './types';

export interface VerifiedSigV4 {
  /** Reused to verify aws-chunked chunk signatures. */
  signingKey: Buffer;
  /** The request's signature, which the first chunk signature chains from. */
  seedSignature: string;
}

/** The canonical request a client should have signed, exactly as this server reads the request. */
export function canonicalRequestOf(req: SignableRequest, parsed: ParsedSigV4): string {
  return canonicalRequest({
    method: req.method,
    canonicalUri: canonicalUri(req.rawPath),
    canonicalQuery: canonicalQuery(req.rawQuery, { exclude: parsed.presigned ? ['X-Amz-Signature'] : [] }),
    canonicalHeaders: canonicalHeaders(parsed.signedHeaders, req.headers, req.rawHeaders),
    signedHeaders: parsed.signedHeaders,
    payloadHash: parsed.payloadHash,
  });
}

/**
 * Recomputes the signature with the secret of parsed.accessKeyId and compares in constant time.
 * SignatureDoesNotMatch carries what S3 returns to help a client debug its signer (never the key).
 */
export function verifySigV4(req: SignableRequest, parsed: ParsedSigV4, secretKey: string): VerifiedSigV4 {
  const canonical = canonicalRequestOf(req, parsed);
  const toSign = stringToSign(parsed.amzDate, parsed.scope, canonical);
  const { date, region, service } = parsed.scope;
  const signingKey = deriveSigningKey(secretKey, date, region, service);
  const expected = signature(signingKey, toSign);
  if (!timingSafeEqualHex(expected, parsed.signature)) {
    throw new GatewayError('SignatureDoesNotMatch', undefined, {
      AWSAccessKeyId: parsed.accessKeyId,
      StringToSign: toSign,
      SignatureProvided: parsed.signature,
      CanonicalRequest: canonical,
    });
  }
  return { signingKey, seedSignature: expected };
}
