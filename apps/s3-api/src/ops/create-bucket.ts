// CreateBucket (S3 API reference; KakaoCloud S3 document "CreateBucket").
import { GatewayError } from '@gw/core';
import type { S3Operation } from '../routing/s3-operation';
import { parseAclHeaders } from '../wire/acl-headers';
import { readSmallBody } from '../wire/small-body';
import { childText, parseXml } from '../wire/xml';

export const createBucket: S3Operation = {
  name: 'CreateBucket',
  action: 'storage.buckets.create',
  needsBucket: false,
  async run(call) {
    const { req, res, services, target, principal, accountId } = call;
    const acl = parseAclHeaders(req.headers);
    const body = await readSmallBody(call.body());
    if (body.length > 0) {
      const document = await parseXml(body);
      const configuration = document.CreateBucketConfiguration;
      if (configuration === undefined) throw new GatewayError('MalformedXML');
      const location = childText(configuration, 'LocationConstraint');
      // An empty constraint means the default region, as for us-east-1 on AWS.
      if (location && location !== services.region) {
        throw new GatewayError('InvalidLocationConstraint', `The specified location-constraint is not valid; this endpoint serves ${services.region}.`, {
          LocationConstraint: location,
        });
      }
    }
    await services.storage.buckets.create({
      accountId,
      name: target.bucketName!,
      ownerUserId: principal.kind === 'user' ? principal.userId : undefined,
      acl,
    });
    res.setHeader('Location', `/${target.bucketName}`);
    res.status(200).setHeader('Content-Length', '0');
    res.end();
  },
};
