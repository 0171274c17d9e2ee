import type { UserRole } from '@gw/metadata';

/** Who is making a request, once authentication is done. */
export type Principal = UserPrincipal | AnonymousPrincipal;

export interface UserPrincipal {
  kind: 'user';
  accountId: string;
  accountName: string;
  userId: string;
  userName: string;
  role: UserRole;
  /** The S3 access key the request was signed with, when it was. */
  accessKey?: string;
}

export interface AnonymousPrincipal {
  kind: 'anonymous';
}

export const ANONYMOUS: AnonymousPrincipal = { kind: 'anonymous' };
