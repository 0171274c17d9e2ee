/**
 * The kinds of token the gateway issues, stored in each token's row and its `kind` claim so that
 * one kind is never accepted where another is expected. Further kinds (KOS console sessions)
 * join this list.
 */
export const TOKEN_KINDS = {
  /** `X-Auth-Token` of the identity endpoints; also the WebIdentityToken STS exchanges. */
  authToken: 'auth',
  /** The SessionToken of temporary credentials from STS AssumeRoleWithWebIdentity. */
  stsSession: 'sts',
} as const;
