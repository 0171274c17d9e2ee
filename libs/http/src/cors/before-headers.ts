import type { ServerResponse } from 'node:http';

/**
 * Runs `listener` once, right before the response head is written: the moment a middleware can
 * still add headers to whatever answer the handlers chose (success, error, or a streamed body).
 * Every way of starting a response (writeHead, write, end) goes through writeHead.
 */
export function beforeHeaders(res: ServerResponse, listener: () => void): void {
  const writeHead = res.writeHead;
  let fired = false;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    if (!fired) {
      fired = true;
      listener();
    }
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as typeof res.writeHead;
}
