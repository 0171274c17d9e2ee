export { captureLogger } from './capture-logger';
export type { CapturedLogger } from './capture-logger';
export { listenOnLoopback } from './listen';
export type { ListeningApp } from './listen';
export { sendExpectingContinue } from './expect-continue-client';
export type { ContinueExchange, ContinueRequest } from './expect-continue-client';
