import type { Transform } from 'node:stream';
import { createPayloadVerifier, parseSigV4, SignableRequest, verifySigV4 } from './sigv4';
import type { IdentityService } from './identity/identity-service';
import { ANONYMOUS, Principal } from './principal';

export interface S3Authentication {
  principal: Principal;
  /**
   * The request body as the core must store it: signature- and hash-verified, aws-chunked
   * framing removed. Undefined when the body passes through untouched (UNSIGNED-PAYLOAD,
   * anonymous requests).
   */
  bodyVerifier?: Transform;
  /** Trailing headers of an aws-chunked body (e.g. x-amz-checksum-crc32), after it ended. */
  trailers(): Record<string, string>;
}

/**
 * Authenticates an S3 request: AWS Signature V4 in the Authorization header or the query
 * (presigned URL), against the secret of the access key. Anonymous requests come back as the
 * anonymous principal; the access decision point decides what they may do.
 */
export class S3Authenticator {
  constructor(private readonly identity: IdentityService) {}

  async authenticate(request: SignableRequest, now = new Date()): Promise<S3Authentication> {
    const parsed = parseSigV4(request, now, { service: 's3' });
    if (!parsed) return { principal: ANONYMOUS, trailers: () => ({}) };
    const { secretKey, principal } = await this.identity.resolveAccessKey(parsed.accessKeyId, now);
    const { signingKey, seedSignature } = verifySigV4(request, parsed, secretKey);
    const verifier = createPayloadVerifier({ parsed, signingKey, seedSignature, headers: request.headers });
    return { principal, bodyVerifier: verifier.body ?? undefined, trailers: () => verifier.trailers() };
  }
}
