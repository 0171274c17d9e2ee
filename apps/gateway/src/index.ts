export { createGatewayApp } from './gateway-app';
export { dialectFor } from './dialect-routing';
export type { Dialect } from './dialect-routing';
export type { GatewayAppOptions } from './gateway-app';
