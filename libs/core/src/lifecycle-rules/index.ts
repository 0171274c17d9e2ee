export * from './lifecycle-rule';
export { normalizeLifecycle } from './validate-lifecycle';
export { expirationFor, filterMatches } from './expiration';
export type { LifecycleSubject, ObjectExpiration } from './expiration';
