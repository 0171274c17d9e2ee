// /v1_ext "Manage bucket access" (POST /v1_ext/bucket/{name}): public read access and its IP allow list.
import { GatewayError, PublicAccess } from '@gw/core';
import { bucketOf, V1extOperation } from '../routing/v1ext-operation';
import { bucketDetail } from '../wire/bucket-model';
import { readJsonObject } from '../wire/request-body';

const invalid = (message: string) => new GatewayError('InvalidArgument', message);

export const updateBucketAccess: V1extOperation = {
  name: 'UpdateBucketAcl',
  action: 'storage.buckets.setAcl',
  async run(call) {
    const access = parseAccessBody(await readJsonObject(call.req, call.res));
    const bucket = await call.services.storage.bucketConfig.setPublicAccess(bucketOf(call), access);
    call.res.status(200).json(bucketDetail(bucket));
  },
};

/**
 * The body's `acl`: required; null (or a null/absent `public`) removes the setting, leaving the
 * bucket to its S3 and Swift ACLs; `public` `read-only` or `deny` with an optional
 * `public_read_allow_ip_list` of addresses and CIDRs (null or absent: everyone). The core checks
 * the level and each address.
 */
export function parseAccessBody(body: Record<string, unknown>): PublicAccess | undefined {
  if (!('acl' in body)) throw invalid('acl is required (null removes the public access setting).');
  const { acl } = body;
  if (acl === null) return undefined;
  if (typeof acl !== 'object' || Array.isArray(acl)) throw invalid('acl must be an object or null.');
  const { public: level, public_read_allow_ip_list: list } = acl as Record<string, unknown>;
  if (level === null || level === undefined) return undefined;
  if (typeof level !== 'string') throw invalid('acl.public must be read-only, deny or null.');
  if (list !== undefined && list !== null && !(Array.isArray(list) && list.every((entry) => typeof entry === 'string'))) {
    throw invalid('acl.public_read_allow_ip_list must be a list of IP addresses and CIDRs.');
  }
  return { public: level as PublicAccess['public'], allowIps: (list as string[] | null | undefined) ?? [] };
}
