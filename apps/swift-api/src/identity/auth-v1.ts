// Swift v1 authentication (TempAuth / Swauth style, `swift -A .../auth/v1.0 -U account:user -K key`).
import type { Request, Response } from 'express';
import { GatewayError } from '@gw/core';
import { storageUrl } from '../request/target';
import type { SwiftServices } from '../routing/swift-operation';
import { setCommonHeaders } from '../wire/common-headers';
import { issueAuthToken, loginWithPassword } from './password-login';

/**
 * `GET /auth/v1.0` (also `/auth/v1.0/` and Swift's `/v1.0`): X-Auth-User `account:user` (account
 * by name or id) or a user id alone, X-Auth-Key the user's password. Answers 200 with the token
 * and the account's storage URL, 401 otherwise.
 */
export function authV1(services: SwiftServices) {
  return async (req: Request, res: Response): Promise<void> => {
    setCommonHeaders(res);
    const userHeader = req.get('x-auth-user') ?? req.get('x-storage-user');
    const key = req.get('x-auth-key') ?? req.get('x-storage-pass');
    if (!userHeader || !key) throw new GatewayError('Unauthorized');
    const colon = userHeader.indexOf(':');
    const login = colon < 0 ? { user: userHeader, password: key } : { account: userHeader.slice(0, colon), user: userHeader.slice(colon + 1), password: key };
    const principal = await loginWithPassword(services, login);
    const issued = await issueAuthToken(services, principal);
    const url = storageUrl(services.publicUrl, principal.accountId);
    res.setHeader('X-Auth-Token', issued.token);
    res.setHeader('X-Storage-Token', issued.token);
    res.setHeader('X-Storage-Url', url);
    res.setHeader('X-Auth-Token-Expires', String(Math.max(0, Math.floor((issued.expiresAt.getTime() - Date.now()) / 1000))));
    res.status(200).setHeader('Content-Type', 'text/plain; charset=UTF-8');
    res.setHeader('Content-Length', '0');
    res.end();
  };
}
