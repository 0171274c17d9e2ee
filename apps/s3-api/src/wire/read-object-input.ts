import { GatewayError, parsePartNumber, ReadObjectInput } from '@gw/core';
import { parseRangeHeader, parseReadConditions } from '@gw/http';
import { bucketOf, S3Call } from '../routing/s3-operation';
import { segmentReadCheck } from './segment-access';
import { refuseCustomerKeys } from './server-side-encryption';

/** What GetObject and HeadObject ask the core: the object, its preconditions and range. */
export function readObjectInput(call: S3Call): ReadObjectInput {
  refuseCustomerKeys(call.req.headers);
  const bucket = bucketOf(call);
  return {
    bucket,
    mayReadSegments: segmentReadCheck(call),
    key: call.target.key!,
    conditions: parseReadConditions(call.req.headers),
    range: parseRangeHeader(call.req.headers.range),
    versionId: versionIdOf(call),
    ...partNumberOf(call),
  };
}

/** `?versionId=`: the version a request addresses, the latest when absent. */
export function versionIdOf(call: Pick<S3Call, 'query'>): string | undefined {
  return call.query.get('versionId') ?? undefined;
}

/** `partNumber=N`: the part's bytes, as a range; S3 refuses it together with a Range header. */
function partNumberOf(call: S3Call): Pick<ReadObjectInput, 'partNumber'> {
  const raw = call.query.get('partNumber');
  if (raw === null) return {};
  if (call.req.headers.range !== undefined) throw new GatewayError('InvalidRequest', 'Cannot specify both Range header and partNumber query parameter');
  return { partNumber: parsePartNumber(raw) };
}
