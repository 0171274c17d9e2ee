export { openStorageFixture, bodyOf, failingBody, readAll, rejectionOf, newAccount } from './storage-fixture';
export type { StorageFixture, StorageScope } from './storage-fixture';
