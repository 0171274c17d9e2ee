export { openStorageFixture, bodyOf, failingBody, readAll, rejectionOf, errorCodeOf, usageOf, newAccount } from './storage-fixture';
export type { StorageFixture, StorageScope } from './storage-fixture';
