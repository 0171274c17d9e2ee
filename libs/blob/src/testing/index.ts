export { describeBlobStoreContract } from './blob-store-contract';
export type { BlobStoreFixture } from './blob-store-contract';
export { bodyOf, failingBody, readAll } from './streams';
