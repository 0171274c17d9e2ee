import { errorStatusMap, TOKEN_AUTH_FAILURES } from '@gw/http';

/**
 * The HTTP status each catalogue error answers with on the /v1_ext wire (a JSON body, see
 * render-error.ts): the catalogue's, except that every failure to authenticate (a bad, expired
 * or revoked token, an unknown user) is 401 as the spec's tables say, and a body over the limit
 * is 413.
 */
export const V1EXT_ERROR_STATUS = errorStatusMap({ ...TOKEN_AUTH_FAILURES, EntityTooLarge: 413 });
