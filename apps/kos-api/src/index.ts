export { createKosApp } from './app';
export type { KosAppOptions } from './app';
