import type { Queryable } from '../transaction';
import { AccessLogRepository } from './access-log-repository';
import { ApplicationCredentialRepository } from './application-credential-repository';
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
import { UploadRepository } from './upload-repository';

export * from './records';
export type { KeyRangeQuery, NewObject, RemovedObject, VersionRangeQuery } from './object-repository';
export type { BucketPageQuery } from './bucket-repository';
export type { NewUpload, NewUploadPart, UploadRangeQuery } from './upload-repository';
export type { NewAccessLogRecord } from './access-log-repository';
export type { NewApplicationCredential } from './application-credential-repository';
export {
  AccessLogRepository,
  AccountRepository,
  ApiKeyRepository,
  ApplicationCredentialRepository,
  BlobReferenceRepository,
  BucketRepository,
  CredentialRepository,
  ObjectRepository,
  TokenRepository,
  UserRepository,
  UploadRepository,
};

export interface Repositories {
  accounts: AccountRepository;
  users: UserRepository;
  credentials: CredentialRepository;
  apiKeys: ApiKeyRepository;
  tokens: TokenRepository;
  applicationCredentials: ApplicationCredentialRepository;
  buckets: BucketRepository;
  objects: ObjectRepository;
  blobs: BlobReferenceRepository;
  uploads: UploadRepository;
  accessLogs: AccessLogRepository;
}

/** All repositories bound to one queryable: the database, or the transaction in progress. */
export function repositories(q: Queryable): Repositories {
  return {
    accounts: new AccountRepository(q),
    users: new UserRepository(q),
    credentials: new CredentialRepository(q),
    apiKeys: new ApiKeyRepository(q),
    tokens: new TokenRepository(q),
    applicationCredentials: new ApplicationCredentialRepository(q),
    buckets: new BucketRepository(q),
    objects: new ObjectRepository(q),
    blobs: new BlobReferenceRepository(q),
    uploads: new UploadRepository(q),
    accessLogs: new AccessLogRepository(q),
  };
}
