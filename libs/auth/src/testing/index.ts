export { openTestWorld } from './test-world';
export type { TestWorld } from './test-world';
