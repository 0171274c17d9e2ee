export { ERROR_CATALOGUE } from './catalogue';
export type { ErrorCode } from './catalogue';
export { GatewayError, isGatewayError, fail } from './gateway-error';
export type { ErrorDetails } from './gateway-error';
