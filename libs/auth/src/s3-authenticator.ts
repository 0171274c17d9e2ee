import type { Transform } from 'node:stream';
import { createPayloadVerifier, parseSigV4, verifySigV4 } from './sigv4';
import { parseSigV2, SigV2Request, verifySigV2 } from './sigv2';
import type { IdentityService, ResolvedAccessKey } from './identity/identity-service';
import { parsePostPolicy, PostPolicy, readPostCredentials, verifyPostSignature } from './post-policy';
import { ANONYMOUS, Principal } from './principal';
import { assertSessionToken } from './sts/session-token';
import type { TokenService } from './tokens/token-service';

export interface S3Authentication {
  principal: Principal;
  /**
   * The request body as the core must store it: signature- and hash-verified, aws-chunked
   * framing removed. Undefined when the body passes through untouched (UNSIGNED-PAYLOAD,
   * SigV2, anonymous requests).
   */
  bodyVerifier?: Transform;
  /** Trailing headers of an aws-chunked body (e.g. x-amz-checksum-crc32), after it ended. */
  trailers(): Record<string, string>;
}

/** Who signed a browser POST form, and the policy the form must then satisfy (absent when unsigned). */
export interface PostFormAuthentication {
  principal: Principal;
  policy?: PostPolicy;
}

const NO_TRAILERS = (): Record<string, string> => ({});

/**
 * Authenticates an S3 request: AWS Signature V4 or V2, in the Authorization header or the query
 * (presigned URL), against the secret of the access key; temporary (STS) keys must come with
 * their session token. Anonymous requests come back as the anonymous principal; the access
 * decision point decides what they may do.
 */
export class S3Authenticator {
  constructor(
    private readonly identity: IdentityService,
    private readonly tokens: TokenService,
  ) {}

  async authenticate(request: SigV2Request, now = new Date()): Promise<S3Authentication> {
    const v2 = parseSigV2(request, now);
    if (v2) {
      const { secretKey, principal } = await this.resolveKey(v2.accessKeyId, v2.securityToken, now);
      verifySigV2(request, v2, secretKey);
      // Content-MD5, which V2 clients send, is still verified by the operations.
      return { principal, trailers: NO_TRAILERS };
    }
    const parsed = parseSigV4(request, now, { service: 's3' });
    if (!parsed) return { principal: ANONYMOUS, trailers: NO_TRAILERS };
    const { secretKey, principal } = await this.resolveKey(parsed.accessKeyId, parsed.securityToken, now);
    const { signingKey, seedSignature } = verifySigV4(request, parsed, secretKey);
    const verifier = createPayloadVerifier({ parsed, signingKey, seedSignature, headers: request.headers });
    return { principal, bodyVerifier: verifier.body ?? undefined, trailers: () => verifier.trailers() };
  }

  /**
   * Authenticates a browser POST upload by the fields of its form (names lowercased): the policy
   * signed with SigV4 or SigV2. An unsigned form is anonymous.
   */
  async authenticatePostForm(fields: Readonly<Record<string, string>>, now = new Date()): Promise<PostFormAuthentication> {
    const credentials = readPostCredentials(fields);
    if (!credentials) return { principal: ANONYMOUS };
    const { secretKey, principal } = await this.resolveKey(credentials.accessKeyId, credentials.securityToken, now);
    verifyPostSignature(fields.policy, credentials, secretKey);
    return { principal, policy: parsePostPolicy(fields.policy) };
  }

  private async resolveKey(accessKey: string, securityToken: string | undefined, now: Date): Promise<ResolvedAccessKey> {
    const resolved = await this.identity.resolveAccessKey(accessKey, now);
    await assertSessionToken(this.tokens, resolved, securityToken, now);
    return resolved;
  }
}
