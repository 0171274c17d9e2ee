export { createSwiftApp } from './app';
export type { SwiftAppOptions } from './app';
