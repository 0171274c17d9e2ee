// GetObjectAcl (S3 API reference), of the latest version or of `versionId`.
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';
import { aclVersionId } from '../wire/acl-request';
import { renderAccessControlPolicy } from '../wire/acl-xml';
import { sendXml } from '../wire/common-headers';
import { ownerResolver } from '../wire/owner';

export const getObjectAcl: S3Operation = {
  name: 'GetObjectAcl',
  action: 'storage.objects.getAcl',
  needsBucket: true,
  async run(call) {
    const acl = await call.services.storage.acls.getObjectAcl(bucketOf(call), call.target.key!, aclVersionId(call.query));
    sendXml(call.res, await renderAccessControlPolicy(acl, ownerResolver(call.services.identity)));
  },
};
