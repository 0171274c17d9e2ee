import type { ObjectRecord } from '@gw/metadata';

/**
 * Swift X-Delete-At in the core: true once a version's `deleteAt` has passed. From that moment
 * reads of the latest version (GET/HEAD/copy source, every dialect) answer NoSuchKey and
 * listings skip it, before the worker (`expireObjects`) removes the row.
 */
export const isExpired = (record: Pick<ObjectRecord, 'deleteAt'>, now: Date = new Date()): boolean =>
  record.deleteAt !== undefined && record.deleteAt.getTime() <= now.getTime();
