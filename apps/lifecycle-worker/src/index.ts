export { createLifecycleWorker } from './worker';
export type { LifecycleWorkerOptions } from './worker';
