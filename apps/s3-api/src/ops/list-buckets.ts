// ListBuckets (S3 API reference; KakaoCloud S3 document "ListBuckets").
import { GatewayError } from '@gw/core';
import type { S3Operation } from '../routing/s3-operation';
import { sendXml } from '../wire/common-headers';
import { xmlTime } from '../wire/timestamps';
import { renderXml } from '../wire/xml';

export const listBuckets: S3Operation = {
  name: 'ListBuckets',
  action: 'storage.buckets.list',
  needsBucket: false,
  async run({ res, services, principal, accountId }) {
    if (principal.kind !== 'user') throw new GatewayError('AccessDenied');
    const buckets = await services.storage.buckets.list(accountId);
    const xml = renderXml('ListAllMyBucketsResult', {
      Owner: { ID: principal.userId, DisplayName: principal.userName },
      Buckets: { Bucket: buckets.map((b) => ({ Name: b.name, CreationDate: xmlTime(b.createdAt) })) },
    });
    sendXml(res, xml);
  },
};
