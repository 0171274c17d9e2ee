// The Keystone v3 routes the Swift app serves under /v3, with Keystone's JSON errors: the version
// document, tokens (issue, validate, check, revoke) and application credentials. Other methods on
// these paths are 405; other paths fall through to the Swift handler (a Swift 404).
import express, { Router } from 'express';
import { GatewayError } from '@gw/core';
import { createErrorMiddleware, Logger } from '@gw/http';
import type { SwiftServices } from '../routing/swift-operation';
import { createApplicationCredential, deleteApplicationCredential, getApplicationCredential, listApplicationCredentials } from './application-credential-routes';
import { renderKeystoneError } from './keystone-errors';
import { revokeToken, validateToken } from './keystone-token-validation';
import { keystoneTokens } from './keystone-v3';
import { keystoneVersion } from './keystone-version';

const CREDENTIALS = '/users/:userId/application_credentials';

export function keystoneRouter(services: SwiftServices, logger: Logger): Router {
  const router = express.Router();
  const notAllowed = () => {
    throw new GatewayError('MethodNotAllowed');
  };
  router.get('/', keystoneVersion(services));
  router.post('/auth/tokens', keystoneTokens(services));
  router.get('/auth/tokens', validateToken(services));
  router.head('/auth/tokens', validateToken(services));
  router.delete('/auth/tokens', revokeToken(services));
  router.all('/auth/tokens', notAllowed);
  router.post(CREDENTIALS, createApplicationCredential(services));
  router.get(CREDENTIALS, listApplicationCredentials(services));
  router.all(CREDENTIALS, notAllowed);
  router.get(`${CREDENTIALS}/:id`, getApplicationCredential(services));
  router.delete(`${CREDENTIALS}/:id`, deleteApplicationCredential(services));
  router.all(`${CREDENTIALS}/:id`, notAllowed);
  router.use(createErrorMiddleware({ render: renderKeystoneError, logger }));
  return router;
}
