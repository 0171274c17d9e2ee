export { createS3App } from './app';
export type { S3AppOptions } from './app';
