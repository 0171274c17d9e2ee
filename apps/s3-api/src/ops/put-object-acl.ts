// PutObjectAcl (S3 API reference), on the latest version or on `versionId`.
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';
import { aclVersionId, readAclRequest } from '../wire/acl-request';

export const putObjectAcl: S3Operation = {
  name: 'PutObjectAcl',
  action: 'storage.objects.setAcl',
  needsBucket: true,
  async run(call) {
    const versionId = aclVersionId(call.query);
    await call.services.storage.acls.putObjectAcl(bucketOf(call), call.target.key!, versionId, await readAclRequest(call));
    call.res.status(200).setHeader('Content-Length', '0');
    call.res.end();
  },
};
