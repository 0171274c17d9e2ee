import { AccessLogService } from './access-logs/access-log-service';
import { AccountService } from './accounts/account-service';
import { AclService } from './acl/acl-service';
import { BucketConfigService } from './buckets/bucket-config-service';
import { BucketService } from './buckets/bucket-service';
import { GarbageCollector } from './gc/garbage-collector';
import { ExpiredIdentityCollector } from './identities/expired-identity-collector';
import { LargeObjectService } from './large-objects/large-object-service';
import { MultipartService } from './multipart/multipart-service';
import { ObjectService } from './objects/object-service';
import type { StorageContext } from './storage-context';

/** The protocol-neutral storage core: what every dialect app and the worker call. */
export interface Storage {
  readonly ctx: StorageContext;
  readonly accounts: AccountService;
  readonly buckets: BucketService;
  readonly objects: ObjectService;
  readonly multipart: MultipartService;
  /** Swift SLO manifests (DLOs are read by `objects`). */
  readonly largeObjects: LargeObjectService;
  readonly acls: AclService;
  readonly gc: GarbageCollector;
  /** Removes long-expired tokens and temporary S3 keys (the worker's identity cleanup). */
  readonly expiredIdentities: ExpiredIdentityCollector;
  /** Lifecycle, CORS and access logging configuration of buckets. */
  readonly bucketConfig: BucketConfigService;
  readonly accessLogs: AccessLogService;
}

export function createStorage(ctx: StorageContext): Storage {
  return {
    ctx,
    accounts: new AccountService(ctx),
    buckets: new BucketService(ctx),
    objects: new ObjectService(ctx),
    multipart: new MultipartService(ctx),
    largeObjects: new LargeObjectService(ctx),
    acls: new AclService(ctx),
    gc: new GarbageCollector(ctx),
    expiredIdentities: new ExpiredIdentityCollector(ctx),
    bucketConfig: new BucketConfigService(ctx),
    accessLogs: new AccessLogService(ctx),
  };
}
