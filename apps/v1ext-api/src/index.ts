export { createV1extApp } from './app';
export type { V1extAppOptions } from './app';
export type { V1extServices } from './routing/v1ext-operation';
