import type { Request, Response } from 'express';
import type { AssumedRole } from '@gw/auth';
import { ErrorCode, GatewayError } from '@gw/core';
import { setCommonHeaders } from '../wire/common-headers';
import { S3_ERROR_CODES } from '../wire/s3-error-codes';
import { renderXml } from '../wire/xml';

export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

/**
 * Catalogue codes STS names differently from S3: a refused web identity token is
 * InvalidIdentityToken or ExpiredTokenException there. Every other code reads as on S3.
 */
const STS_ERROR_CODES: Partial<Record<ErrorCode, string>> = {
  InvalidToken: 'InvalidIdentityToken',
  ExpiredToken: 'ExpiredTokenException',
  ValidationError: 'ValidationError',
  InvalidParameterValue: 'InvalidParameterValue',
  InvalidAction: 'InvalidAction',
};

/** STS times are ISO 8601 in whole seconds: `2026-11-22T10:00:00Z`. */
const stsTime = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

function sendStsXml(res: Response, status: number, xml: string): void {
  setCommonHeaders(res);
  res.setHeader('x-amzn-RequestId', String(res.locals.requestId ?? ''));
  res.status(status);
  res.setHeader('Content-Type', 'text/xml');
  res.setHeader('Content-Length', Buffer.byteLength(xml));
  res.end(xml);
}

/** The AssumeRoleWithWebIdentityResponse document of the KakaoCloud S3 document (element order as there). */
export function sendAssumeRoleResponse(res: Response, role: AssumedRole): void {
  const body = {
    AssumeRoleWithWebIdentityResult: {
      SubjectFromWebIdentityToken: role.subject,
      Credentials: {
        SessionToken: role.credentials.sessionToken,
        SecretAccessKey: role.credentials.secretAccessKey,
        Expiration: stsTime(role.credentials.expiration),
        AccessKeyId: role.credentials.accessKeyId,
      },
      Provider: role.provider,
    },
    ResponseMetadata: { RequestId: String(res.locals.requestId ?? '') },
  };
  sendStsXml(res, 200, renderXml('AssumeRoleWithWebIdentityResponse', body, STS_NAMESPACE));
}

/** STS's error document: `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`. */
export function renderStsError(error: GatewayError, _req: Request, res: Response): void {
  const s3 = S3_ERROR_CODES[error.code];
  const status = STS_ERROR_CODES[error.code] !== undefined ? error.status : (s3.status ?? error.status);
  const body = {
    Error: { Type: status >= 500 ? 'Receiver' : 'Sender', Code: STS_ERROR_CODES[error.code] ?? s3.code, Message: error.message },
    RequestId: String(res.locals.requestId ?? ''),
  };
  sendStsXml(res, status, renderXml('ErrorResponse', body, STS_NAMESPACE));
}
