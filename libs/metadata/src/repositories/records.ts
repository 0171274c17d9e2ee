// The rows of the metadata store as the rest of the gateway sees them: camelCase, numbers for
// counts and sizes, Dates for times, whatever the driver returned.

export type Status = 'active' | 'disabled';
export type UserRole = 'admin' | 'member' | 'reader';
export type VersioningState = 'Unversioned' | 'Enabled' | 'Suspended';

/** ACL permissions, as S3 names them. */
export type AclPermission = 'FULL_CONTROL' | 'READ' | 'WRITE' | 'READ_ACP' | 'WRITE_ACP';
/** Who an ACL grant is for: a user (of any account) or everyone / every authenticated user. */
export type AclGrantee = { type: 'user'; id: string } | { type: 'group'; group: 'AllUsers' | 'AuthenticatedUsers' };
export interface AclGrant {
  grantee: AclGrantee;
  permission: AclPermission;
}

/** Server-side encryption at rest, as S3 names it (SSE-S3); /v1_ext calls it "managed". */
export type ServerSideEncryption = 'AES256';
/** The data key of an encrypted blob, wrapped by the master key, and its AES-CTR counter block. */
export interface StoredBlobKey {
  wrappedKey: string;
  iv: string;
}

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
  /** The token this one was issued for (an STS session token's X-Auth-Token); revoking that revokes this. */
  parentJti?: string;
}

/** A Keystone application credential: a user's delegation to an application; only the secret's hash is kept. */
export interface ApplicationCredentialRecord {
  id: string;
  userId: string;
  accountId: string;
  name: string;
  description?: string;
  secretHash: string;
  /** Role names the credential carries (a subset of its user's). */
  roles: string[];
  /** May manage application credentials and trusts with its tokens (Keystone's `unrestricted`). */
  unrestricted: boolean;
  expiresAt?: Date;
  /** The `tokens` row every token issued from the credential descends from. */
  anchorJti: string;
  createdAt: Date;
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
  /** Its ACL grants; absent means private (the owner alone has FULL_CONTROL). */
  acl?: AclGrant[];
  /**
   * Configuration documents in @gw/core's protocol-neutral models (lifecycle rules, CORS rules,
   * access logging), stored as written by the core and read back only through it; absent: none.
   */
  lifecycle?: unknown;
  cors?: unknown;
  logging?: unknown;
  /** Swift container ACLs (X-Container-Read/-Write as sent, with their parsed grants); column swift_acl. */
  swiftAcl?: unknown;
  /** /v1_ext public read access with its IP allow list; column public_access. */
  publicAccess?: unknown;
  /** Default encryption of the objects written into it; absent: none. */
  encryption?: ServerSideEncryption;
  createdAt: Date;
}

/** The bucket configuration documents, by column. */
export type BucketDocument = 'lifecycle' | 'cors' | 'logging' | 'swift_acl' | 'public_access';

/** One server access log line waiting to be delivered into its target bucket. */
export interface AccessLogRecord {
  id: number;
  /** The account of the logged bucket and of its target bucket. */
  accountId: string;
  targetBucket: string;
  targetPrefix: string;
  line: string;
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
  /** Its ACL grants; absent means private (the owner alone has FULL_CONTROL). */
  acl?: AclGrant[];
  /** How its bytes are encrypted at rest (every blob of it); absent: stored in clear. */
  encryption?: ServerSideEncryption;
  /** The key of `blobId` when encrypted (a multipart object's parts carry their own). */
  blobKey?: StoredBlobKey;
  /** A Swift large object's manifest (column large_object); absent for an ordinary object. */
  largeObject?: LargeObjectManifest;
  /** Swift X-Delete-At (column delete_at): from then on the version reads as gone; absent: never expires. */
  deleteAt?: Date;
  createdAt: Date;
}

/**
 * What makes an object a Swift large object. An SLO's bytes are its part rows (the segments'
 * blobs, shared); `manifest` is what `?multipart-manifest=get` answers. A DLO's bytes are the
 * objects of `container` (same account) under `prefix`, resolved at every read.
 */
export type LargeObjectManifest = { kind: 'slo'; manifest: SloManifestEntry[] } | { kind: 'dlo'; container: string; prefix: string };

/** One segment of a stored SLO manifest, named as Swift's `?multipart-manifest=get` names it. */
export interface SloManifestEntry {
  name: string;
  bytes: number;
  hash: string;
  content_type: string;
  last_modified: string;
  range?: string;
  sub_slo?: true;
}

export interface ObjectPartRecord {
  partNumber: number;
  blobId: string;
  blobKey?: StoredBlobKey;
  size: number;
  etag: string;
  startOffset: number;
  /** Where its bytes start inside its blob (a ranged SLO segment shares a slice); 0 when absent. */
  blobOffset?: number;
}

/** A multipart upload in progress: what the object will be once completed. */
export interface UploadRecord {
  uploadId: string;
  bucketId: number;
  key: string;
  contentType?: string;
  userMeta: Record<string, string>;
  headers: Record<string, string>;
  tags: Record<string, string>;
  /** The checksum algorithm every part carries and the object's composite checksum uses. */
  checksumAlgorithm?: string;
  ownerUserId?: string;
  /** The completed object's ACL grants; absent: private. */
  acl?: AclGrant[];
  /** The encryption every part gets and the completed object reports; absent: none. */
  encryption?: ServerSideEncryption;
  initiatedAt: Date;
}

/** One uploaded part: a blob of its own until the upload completes or is aborted. */
export interface UploadPartRecord {
  uploadId: string;
  partNumber: number;
  blobId: string;
  size: number;
  /** Hex MD5 of the part's bytes. */
  etag: string;
  checksums: Record<string, string>;
  blobKey?: StoredBlobKey;
  createdAt: Date;
}
