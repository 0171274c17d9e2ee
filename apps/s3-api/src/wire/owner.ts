import type { IdentityService } from '@gw/auth';

export interface S3Owner {
  ID: string;
  DisplayName: string;
}

/**
 * S3's Owner element for a user: ID is the user id (the id ACL grants name), DisplayName the
 * user name. Looked up once per user per request.
 */
export function ownerResolver(identity: IdentityService): (userId: string | undefined) => Promise<S3Owner | undefined> {
  const cache = new Map<string, Promise<S3Owner | undefined>>();
  return (userId) => {
    if (!userId) return Promise.resolve(undefined);
    let owner = cache.get(userId);
    if (!owner) {
      owner = identity
        .findUser(userId)
        .then((user) => ({ ID: user.id, DisplayName: user.name }))
        .catch(() => ({ ID: userId, DisplayName: userId }));
      cache.set(userId, owner);
    }
    return owner;
  };
}
