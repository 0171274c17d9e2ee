// S3 server access logging (S3 user guide "Logging requests with server access logging"): each
// request on a bucket whose logging is on leaves one line in the S3 log format, recorded through
// the core once the response is done; the worker delivers the lines into the target bucket.
// Which bucket and who asked come from the request lifecycle (request facts): requests that fail
// before the bucket is known (a bad signature) are not logged.
import type { Request, RequestHandler, Response } from 'express';
import { loggingOf, Storage } from '@gw/core';
import { beforeHeaders, clientAddress, countResponseBytes, findRequestContext, IpMatcher, ipMatcher, queryParams, recordedStatus, redactUrl } from '@gw/http';
import { requestFacts } from '../routing/request-facts';
import { AccessLogEntry, formatAccessLogLine, logOperation } from '../wire/access-log-line';

export interface ServerAccessLogOptions {
  storage: Storage;
  /** See `clientAddress`. */
  trustedProxies?: IpMatcher | readonly string[];
}

export function s3ServerAccessLog({ storage, trustedProxies = [] }: ServerAccessLogOptions): RequestHandler {
  // Built once: the list does not change while the app runs.
  const trusted = typeof trustedProxies === 'function' ? trustedProxies : ipMatcher(trustedProxies);
  return (req, res, next) => {
    const time = new Date();
    const started = process.hrtime.bigint();
    const remoteIp = clientAddress(req, trusted);
    const bytesSent = countResponseBytes(res);
    // Turn-around time: from the request's last byte (its start, for a body nobody read) to the response's first.
    let requestDone = started;
    req.once('end', () => (requestDone = process.hrtime.bigint()));
    let responseStarted: bigint | undefined;
    beforeHeaders(res, () => (responseStarted = process.hrtime.bigint()));

    res.once('close', () => {
      const { bucket, target, principal, errorCode } = requestFacts(res);
      if (!bucket || !loggingOf(bucket)) return;
      const ms = (from: bigint, to: bigint) => Number(to - from) / 1e6;
      const operation = logOperation(req.method, target?.kind ?? 'bucket', queryParams(req), req.headers['x-amz-copy-source'] !== undefined);
      const entry: AccessLogEntry = {
        bucketOwner: bucket.ownerUserId,
        bucket: bucket.name,
        time,
        remoteIp,
        requester: principal?.kind === 'user' ? principal.userId : undefined,
        requestId: String(res.locals.requestId ?? ''),
        operation,
        key: target?.key,
        // Presigned URLs authenticate by themselves: their signatures are not copied into logs.
        requestUri: `${req.method} ${redactUrl(req.originalUrl)} HTTP/${req.httpVersion}`,
        status: recordedStatus(res),
        errorCode,
        bytesSent: bytesSent(),
        objectSize: objectSize(req, res, operation),
        totalTimeMs: ms(started, process.hrtime.bigint()),
        turnAroundTimeMs: responseStarted === undefined ? undefined : Math.max(0, ms(requestDone, responseStarted)),
        referer: header(req, 'referer'),
        userAgent: header(req, 'user-agent'),
        versionId: headerOf(res, 'x-amz-version-id'),
        hostId: headerOf(res, 'x-amz-id-2'),
        ...authentication(req),
        hostHeader: header(req, 'host'),
      };
      storage.accessLogs.record(bucket, formatAccessLogLine(entry)).catch((error: unknown) => {
        findRequestContext(res)?.logger.error({ err: error }, 'could not record a server access log line');
      });
    });
    next();
  };
}

/** The object's full size: what a GET or HEAD answered about it, or what a PUT sent. */
function objectSize(req: Request, res: Response, operation: string): number | undefined {
  if (!operation.endsWith('.OBJECT') && !operation.endsWith('.PART')) return undefined;
  if (req.method === 'PUT') return numberOf(header(req, 'x-amz-decoded-content-length') ?? header(req, 'content-length'));
  if (res.statusCode !== 200 && res.statusCode !== 206) return undefined;
  const range = headerOf(res, 'content-range');
  return numberOf(range ? range.slice(range.lastIndexOf('/') + 1) : headerOf(res, 'content-length'));
}

function authentication(req: Request): Pick<AccessLogEntry, 'signatureVersion' | 'authType'> {
  const authorization = header(req, 'authorization');
  if (authorization?.startsWith('AWS4-')) return { signatureVersion: 'SigV4', authType: 'AuthHeader' };
  if (authorization?.startsWith('AWS ')) return { signatureVersion: 'SigV2', authType: 'AuthHeader' };
  const query = queryParams(req);
  if (query.has('X-Amz-Signature')) return { signatureVersion: 'SigV4', authType: 'QueryString' };
  if (query.has('Signature')) return { signatureVersion: 'SigV2', authType: 'QueryString' };
  return {};
}

const header = (req: Request, name: string): string | undefined => {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
};
const headerOf = (res: Response, name: string): string | undefined => {
  const value = res.getHeader(name);
  return value === undefined ? undefined : String(value);
};
const numberOf = (text: string | undefined): number | undefined => (text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined);
