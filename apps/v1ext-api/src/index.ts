export { createV1extApp } from './app';
export type { V1extAppOptions } from './app';
