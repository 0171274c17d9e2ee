export { createGatewayApp, dialectFor } from './gateway-app';
export type { GatewayAppOptions } from './gateway-app';
