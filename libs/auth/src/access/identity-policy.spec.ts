import { GatewayError } from '@gw/core';
import type { UserPrincipal } from '../principal';
import { authorizeIdentity, IdentityAction } from './identity-policy';

const user = (userId: string, role: UserPrincipal['role'], accountId = 'a1'): UserPrincipal => ({ kind: 'user', accountId, accountName: accountId, userId, userName: userId, role });
const allows = (caller: UserPrincipal, action: IdentityAction, owner: { userId: string; accountId: string }, restricted = false): boolean => {
  try {
    authorizeIdentity({ caller, action, owner, restrictedApplicationCredential: restricted });
    return true;
  } catch (error) {
    if (error instanceof GatewayError && error.code === 'AccessDenied') return false;
    throw error;
  }
};

describe('identity policy', () => {
  const mine = { userId: 'u1', accountId: 'a1' };
  const colleague = { userId: 'u2', accountId: 'a1' };
  const stranger = { userId: 'u3', accountId: 'a2' };

  it('lets a user validate and revoke its own tokens, an account admin those of its account only', () => {
    for (const action of ['identity:validate_token', 'identity:revoke_token'] as const) {
      expect(allows(user('u1', 'reader'), action, mine)).toBe(true);
      expect(allows(user('u1', 'member'), action, colleague)).toBe(false);
      expect(allows(user('u1', 'admin'), action, colleague)).toBe(true);
      expect(allows(user('u1', 'admin'), action, stranger)).toBe(false);
    }
  });

  it('keeps application credentials to their own user, even from an admin', () => {
    expect(allows(user('u1', 'member'), 'identity:create_application_credential', mine)).toBe(true);
    expect(allows(user('u1', 'admin'), 'identity:list_application_credentials', colleague)).toBe(false);
    expect(allows(user('u1', 'admin'), 'identity:delete_application_credential', colleague)).toBe(false);
  });

  it('refuses a restricted application credential token creating or deleting credentials, not reading them', () => {
    expect(allows(user('u1', 'admin'), 'identity:create_application_credential', mine, true)).toBe(false);
    expect(allows(user('u1', 'admin'), 'identity:delete_application_credential', mine, true)).toBe(false);
    expect(allows(user('u1', 'admin'), 'identity:list_application_credentials', mine, true)).toBe(true);
    expect(allows(user('u1', 'admin'), 'identity:get_application_credential', mine, true)).toBe(true);
    expect(allows(user('u1', 'admin'), 'identity:revoke_token', mine, true)).toBe(true);
  });
});
