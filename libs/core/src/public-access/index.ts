export { MAX_PUBLIC_ALLOW_IPS, normalizePublicAccess, PUBLIC_ACCESS_LEVELS, publicAccessOf, publicReadAllowedFrom } from './public-access';
export type { PublicAccess, PublicAccessLevel } from './public-access';
