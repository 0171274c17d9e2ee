import { GatewayError } from '@gw/core';

/** Why a token was refused; each dialect may tell them apart (STS: ExpiredTokenException vs InvalidIdentityToken). */
export type TokenFailure = 'malformed' | 'signature' | 'expired' | 'revoked' | 'kind';

const MESSAGES: Record<TokenFailure, string> = {
  malformed: 'The token is malformed.',
  signature: 'The token signature is not valid.',
  expired: 'The token has expired.',
  revoked: 'The token has been revoked.',
  kind: 'The token is not valid for this use.',
};

/** A refused token: ExpiredToken when it ran out, InvalidToken for every other reason. */
export class TokenError extends GatewayError {
  constructor(readonly reason: TokenFailure) {
    super(reason === 'expired' ? 'ExpiredToken' : 'InvalidToken', MESSAGES[reason]);
    this.name = 'TokenError';
  }
}
