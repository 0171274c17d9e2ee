// PutBucketVersioning (S3 API reference): `<VersioningConfiguration><Status>Enabled|Suspended</Status>`.
import { GatewayError, VersioningStatus } from '@gw/core';
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';
import { readCheckedSmallBody } from '../wire/body-integrity';
import { childText, parseXml } from '../wire/xml';

const STATUSES: readonly string[] = ['Enabled', 'Suspended'] satisfies VersioningStatus[];

export const putBucketVersioning: S3Operation = {
  name: 'PutBucketVersioning',
  action: 'storage.buckets.update',
  needsBucket: true,
  async run(call) {
    const document = await parseXml(await readCheckedSmallBody(call));
    if (!('VersioningConfiguration' in document)) throw new GatewayError('MalformedXML');
    const configuration = document.VersioningConfiguration;
    const status = childText(configuration, 'Status');
    const mfaDelete = childText(configuration, 'MfaDelete');
    if (status !== undefined && !STATUSES.includes(status)) throw new GatewayError('MalformedXML');
    if (mfaDelete !== undefined && mfaDelete !== 'Disabled') {
      if (mfaDelete !== 'Enabled') throw new GatewayError('MalformedXML');
      throw new GatewayError('NotImplemented', 'This gateway does not implement MFA delete.');
    }
    // A document without Status (only MfaDelete Disabled) changes nothing, as in S3.
    if (status !== undefined) await call.services.storage.buckets.setVersioning(bucketOf(call), status as VersioningStatus);
    call.res.status(200).setHeader('Content-Length', '0');
    call.res.end();
  },
};
