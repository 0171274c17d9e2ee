import type { Queryable } from '../transaction';
import { BlobReferenceRepository } from './blob-references';
import { BucketRepository } from './bucket-repository';
import {
  AccountRepository,
  ApiKeyRepository,
  CredentialRepository,
  TokenRepository,
  UserRepository,
} from './identity-repositories';
import { ObjectRepository } from './object-repository';

export * from './records';
export type { KeyRangeQuery, NewObject } from './object-repository';
export {
  AccountRepository,
  ApiKeyRepository,
  BlobReferenceRepository,
  BucketRepository,
  CredentialRepository,
  ObjectRepository,
  TokenRepository,
  UserRepository,
};

export interface Repositories {
  accounts: AccountRepository;
  users: UserRepository;
  credentials: CredentialRepository;
  apiKeys: ApiKeyRepository;
  tokens: TokenRepository;
  buckets: BucketRepository;
  objects: ObjectRepository;
  blobs: BlobReferenceRepository;
}

/** All repositories bound to one queryable: the database, or the transaction in progress. */
export function repositories(q: Queryable): Repositories {
  return {
    accounts: new AccountRepository(q),
    users: new UserRepository(q),
    credentials: new CredentialRepository(q),
    apiKeys: new ApiKeyRepository(q),
    tokens: new TokenRepository(q),
    buckets: new BucketRepository(q),
    objects: new ObjectRepository(q),
    blobs: new BlobReferenceRepository(q),
  };
}
