// STS AssumeRoleWithWebIdentity (KakaoCloud S3 document "Temporary credentials"; AWS STS API
// reference): `POST /` with Action=AssumeRoleWithWebIdentity, unsigned, served by the S3 app.
import type { Request, RequestHandler, Response } from 'express';
import type { StsService } from '@gw/auth';
import { GatewayError } from '@gw/core';
import { createErrorMiddleware, Logger } from '@gw/http';
import { signableRequest } from '../request/signable';
import { resolveTarget } from '../request/target';
import { integerParam, readStsParams } from './sts-params';
import { renderStsError, sendAssumeRoleResponse } from './sts-xml';

const STS_VERSION = '2011-06-15';

/**
 * Claims `POST` on the service (`/`, or the bare S3 domain under virtual-host addressing): the
 * STS query API, which answers in its own XML, errors included. Everything else goes on to S3.
 */
export function stsHandler(options: { sts: StsService; domain?: string; logger: Logger }): RequestHandler {
  const renderErrors = createErrorMiddleware({ render: renderStsError, logger: options.logger });
  return (req, res, next) => {
    if (req.method !== 'POST' || !addressesService(req, options.domain)) {
      next();
      return;
    }
    res.locals.operation = 'AssumeRoleWithWebIdentity';
    handle(options.sts, req, res).catch((error: unknown) => renderErrors(error, req, res, next));
  };
}

function addressesService(req: Request, domain: string | undefined): boolean {
  try {
    return resolveTarget(signableRequest(req).rawPath, req.headers.host, domain).kind === 'service';
  } catch {
    return false; // S3 answers a path it cannot read
  }
}

async function handle(sts: StsService, req: Request, res: Response): Promise<void> {
  const params = await readStsParams(req);
  const action = params.get('Action');
  if (action === undefined) throw new GatewayError('InvalidAction', 'The request must contain the parameter Action.');
  if (action !== 'AssumeRoleWithWebIdentity') throw new GatewayError('InvalidAction', `Could not find operation ${action} for version ${STS_VERSION}`);
  // RoleArn and RoleSessionName, which AWS requires, are accepted and ignored: the credentials
  // carry the token user's own rights, as the KakaoCloud document says.
  const role = await sts.assumeRoleWithWebIdentity({
    webIdentityToken: params.get('WebIdentityToken'),
    durationSeconds: integerParam(params, 'DurationSeconds'),
    providerId: params.get('ProviderId'),
  });
  sendAssumeRoleResponse(res, role);
}
