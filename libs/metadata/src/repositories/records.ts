// The rows of the metadata store as the rest of the gateway sees them: camelCase, numbers for
// counts and sizes, Dates for times, whatever the driver returned.

export type Status = 'active' | 'disabled';
export type UserRole = 'admin' | 'member' | 'reader';
export type VersioningState = 'Unversioned' | 'Enabled' | 'Suspended';

export interface AccountRecord {
  id: string;
  name: string;
  displayName: string;
  status: Status;
  meta: Record<string, string>;
  createdAt: Date;
}

export interface UserRecord {
  id: string;
  accountId: string;
  name: string;
  role: UserRole;
  passwordHash?: string;
  status: Status;
  createdAt: Date;
}

export interface CredentialRecord {
  accessKey: string;
  userId: string;
  secretEnc: string;
  kind: 'permanent' | 'temporary';
  status: Status;
  expiresAt?: Date;
  tokenJti?: string;
  createdAt: Date;
  lastUsedAt?: Date;
}

export interface ApiKeyRecord {
  id: string;
  userId: string;
  name: string;
  keyHash: string;
  status: Status;
  createdAt: Date;
  lastUsedAt?: Date;
}

export interface TokenRecord {
  jti: string;
  userId: string;
  kind: string;
  issuedAt: Date;
  expiresAt: Date;
  revokedAt?: Date;
}

export interface BucketRecord {
  id: number;
  accountId: string;
  name: string;
  ownerUserId?: string;
  region: string;
  versioning: VersioningState;
  objectCount: number;
  bytesUsed: number;
  meta: Record<string, string>;
  createdAt: Date;
}

export interface ObjectRecord {
  id: number;
  bucketId: number;
  key: string;
  versionId: string;
  isLatest: boolean;
  isDeleteMarker: boolean;
  size: number;
  etag: string;
  contentType?: string;
  userMeta: Record<string, string>;
  /** Stored system headers: content-encoding, content-disposition, cache-control, ... */
  headers: Record<string, string>;
  checksums: Record<string, string>;
  tags: Record<string, string>;
  blobId?: string;
  partCount?: number;
  ownerUserId?: string;
  createdAt: Date;
}

export interface ObjectPartRecord {
  partNumber: number;
  blobId: string;
  size: number;
  etag: string;
  startOffset: number;
}
