import type { ServerResponse } from 'node:http';

/** nginx's code for "the client closed the connection before a response was sent". */
export const CLIENT_CLOSED_REQUEST = 499;

/** The status a finished request is recorded with: the one sent, or 499 when none was. */
export function recordedStatus(res: ServerResponse): number {
  return res.headersSent ? res.statusCode : CLIENT_CLOSED_REQUEST;
}
