export * from './cors-rule';
export { normalizeCors } from './validate-cors';
export { matchCors } from './match-cors';
export type { CorsMatch, CorsRequest } from './match-cors';
