// /v1_ext "Create bucket" (PUT /v1_ext/bucket): a STANDARD bucket, encrypted at rest when asked.
import { GatewayError } from '@gw/core';
import type { V1extOperation } from '../routing/v1ext-operation';
import { BUCKET_TYPE, bucketDetail } from '../wire/bucket-model';
import { readJsonObject } from '../wire/request-body';

const invalid = (message: string) => new GatewayError('InvalidArgument', message);

export const createBucket: V1extOperation = {
  name: 'CreateBucket',
  action: 'storage.buckets.create',
  async run(call) {
    const input = parseCreateBucket(await readJsonObject(call.req, call.res));
    const bucket = await call.services.storage.buckets.create({
      accountId: call.accountId,
      name: input.name,
      ownerUserId: call.principal.userId,
      ...(input.encrypted ? { encryption: 'AES256' as const } : {}),
    });
    const detail = bucketDetail(bucket);
    // The create answer of the spec also names the (unused) ACL permissions.
    call.res.status(200).json({ ...detail, acl: { permissions: null, ...detail.acl } });
  },
};

/**
 * The request body: `name`; `type` STANDARD (the only type; absent means STANDARD, any case);
 * `use_encryption` true/false; `encryption_configuration.type` `managed`, which when present
 * decides encryption whatever `use_encryption` says (KMS keys are not served).
 */
export function parseCreateBucket(body: Record<string, unknown>): { name: string; encrypted: boolean } {
  const { name, type, use_encryption: useEncryption, encryption_configuration: configuration } = body;
  if (typeof name !== 'string' || name === '') throw invalid('name is required and must be a string.');
  if (type !== undefined && (typeof type !== 'string' || type.toUpperCase() !== BUCKET_TYPE)) throw invalid(`type must be ${BUCKET_TYPE}.`);
  if (useEncryption !== undefined && typeof useEncryption !== 'boolean') throw invalid('use_encryption must be true or false.');
  if (configuration !== undefined && configuration !== null) {
    if (typeof configuration !== 'object' || Array.isArray(configuration)) throw invalid('encryption_configuration must be an object.');
    const kind = (configuration as Record<string, unknown>).type ?? 'managed';
    if (kind !== 'managed') throw invalid("encryption_configuration.type must be 'managed' (KMS keys are not supported).");
    return { name, encrypted: true };
  }
  return { name, encrypted: useEncryption === true };
}
