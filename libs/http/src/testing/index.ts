export { captureLogger } from './capture-logger';
export type { CapturedLogger } from './capture-logger';
