// IP and CIDR matching lives in @gw/core (bucket IP allow lists need it as much as trusted proxies do).
export { ipMatcher, normalizeIp } from '@gw/core';
export type { IpMatcher } from '@gw/core';
