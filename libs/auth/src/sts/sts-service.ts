import { GatewayError } from '@gw/core';
import { applicationCredentialIdOf } from '../identity/application-credentials';
import type { IdentityService } from '../identity/identity-service';
import type { UserPrincipal } from '../principal';
import { TokenError } from '../tokens/token-error';
import { TOKEN_KINDS } from '../tokens/token-kinds';
import type { TokenService } from '../tokens/token-service';

/** The one identity provider the KakaoCloud S3 document names for AssumeRoleWithWebIdentity. */
export const STS_PROVIDER = 'iam.kakaocloud.com';
/** DurationSeconds bounds and default, as AWS STS has them for AssumeRoleWithWebIdentity. */
export const STS_DURATION = { min: 900, max: 43_200, default: 3_600 } as const;
const TOKEN_LENGTH = { min: 4, max: 20_000 };

export interface AssumeRoleWithWebIdentityInput {
  /** A gateway-issued X-Auth-Token. */
  webIdentityToken?: string;
  durationSeconds?: number;
  providerId?: string;
}

export interface TemporaryCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

export interface AssumedRole {
  /** The user the web identity token belongs to (SubjectFromWebIdentityToken). */
  subject: string;
  provider: string;
  credentials: TemporaryCredentials;
  /** Whose rights the temporary credentials carry. */
  principal: UserPrincipal;
}

/** AWS STS's wording for a parameter constraint: "1 validation error detected: Value ...". */
const validation = (value: string, member: string, constraint: string): GatewayError =>
  new GatewayError('ValidationError', `1 validation error detected: Value ${value} at '${member}' failed to satisfy constraint: ${constraint}`);

/**
 * STS AssumeRoleWithWebIdentity as the KakaoCloud S3 document has it: a gateway-issued token in,
 * temporary S3 credentials of the token's user out. The credential row expires with the session
 * token it is bound to; that token is issued from the web identity token, so revoking either
 * ends the session.
 */
export class StsService {
  constructor(
    private readonly identity: IdentityService,
    private readonly tokens: TokenService,
  ) {}

  async assumeRoleWithWebIdentity(input: AssumeRoleWithWebIdentityInput, now = new Date()): Promise<AssumedRole> {
    const { webIdentityToken, providerId } = input;
    // The token is never echoed back: it is a credential.
    if (webIdentityToken === undefined) throw validation('null', 'webIdentityToken', 'Member must not be null');
    const tokenProblem =
      webIdentityToken.length < TOKEN_LENGTH.min
        ? `Member must have length greater than or equal to ${TOKEN_LENGTH.min}`
        : webIdentityToken.length > TOKEN_LENGTH.max
          ? `Member must have length less than or equal to ${TOKEN_LENGTH.max}`
          : undefined;
    if (tokenProblem) throw validation(`'***'`, 'webIdentityToken', tokenProblem);
    const duration = input.durationSeconds ?? STS_DURATION.default;
    const value = `'${duration}'`;
    if (duration < STS_DURATION.min) throw validation(value, 'durationSeconds', `Member must have value greater than or equal to ${STS_DURATION.min}`);
    if (duration > STS_DURATION.max) throw validation(value, 'durationSeconds', `Member must have value less than or equal to ${STS_DURATION.max}`);
    if (providerId !== undefined && providerId !== STS_PROVIDER) {
      throw new GatewayError('InvalidParameterValue', `ProviderId '${providerId}' is not supported; the identity provider is ${STS_PROVIDER}.`);
    }

    const web = await this.tokens.verify(webIdentityToken, { kind: TOKEN_KINDS.authToken }, now);
    // S3 keys carry their user's full role: a token of an application credential (which may cap
    // it) cannot mint them, as Keystone keeps such tokens from creating further credentials.
    if (applicationCredentialIdOf(web) !== undefined) throw new TokenError('kind');
    const principal = await this.identity.principalOf(web.userId);
    const session = await this.tokens.issue({ userId: web.userId, kind: TOKEN_KINDS.stsSession, ttlSeconds: duration, parentJti: web.jti }, now);
    const { credential, secretKey } = await this.identity.createCredential({
      userId: web.userId,
      temporary: { expiresAt: session.expiresAt, tokenJti: session.jti },
    });
    return {
      subject: web.userId,
      provider: STS_PROVIDER,
      principal,
      credentials: { accessKeyId: credential.accessKey, secretAccessKey: secretKey, sessionToken: session.token, expiration: session.expiresAt },
    };
  }
}
