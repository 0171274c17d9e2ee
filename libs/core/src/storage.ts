import { AccountService } from './accounts/account-service';
import { BucketService } from './buckets/bucket-service';
import { GarbageCollector } from './gc/garbage-collector';
import { ObjectService } from './objects/object-service';
import type { StorageContext } from './storage-context';

/** The protocol-neutral storage core: what every dialect app and the worker call. */
export interface Storage {
  readonly ctx: StorageContext;
  readonly accounts: AccountService;
  readonly buckets: BucketService;
  readonly objects: ObjectService;
  readonly gc: GarbageCollector;
}

export function createStorage(ctx: StorageContext): Storage {
  return {
    ctx,
    accounts: new AccountService(ctx),
    buckets: new BucketService(ctx),
    objects: new ObjectService(ctx),
    gc: new GarbageCollector(ctx),
  };
}
