// `Expect: 100-continue` answered by the application instead of by Node. Node writes
// `100 Continue` before any of our code runs unless the server has a 'checkContinue' listener;
// then a client uploading to a URL it may not write to sends the whole body before it learns
// the answer is 403/404. With `deferContinue(server)` the interim 100 goes out the first time
// something reads the request body, and every request lifecycle reads the body only after
// authentication and the access decision (or, for POST Object and FormPost, whose credentials
// are in the form, as the operation starts). So:
// - an accepted upload gets `100 Continue`, then the body, then its final answer;
// - a refused one gets its final answer without 100; Node then sends `Connection: close` and
//   closes the connection after the response instead of waiting for a body that never comes;
// - a request without a body (no Content-Length or Content-Length: 0, no Transfer-Encoding)
//   gets its 100 at once: there is nothing to save, and the connection stays reusable.
// Hooking the read (`_read`, which every way of consuming a stream goes through: pipe, 'data',
// read(), async iteration, multer/busboy, body-parser) rather than asking each operation to
// call a helper means no body reader can forget it and leave a client waiting for the 100.
// API: `deferContinue(server)`; `createGatewayServer(app)` = http.createServer + deferContinue.
import http, { IncomingMessage, ServerResponse } from 'node:http';
import type { Express } from 'express';

/** An http.Server for an app, with `Expect: 100-continue` answered as described above. */
export function createGatewayServer(app: Express): http.Server {
  const server = http.createServer(app);
  deferContinue(server);
  return server;
}

/** Makes `server` answer `Expect: 100-continue` when the request body is first read. */
export function deferContinue(server: http.Server): void {
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (declaresBody(req)) continueOnFirstRead(req, res);
    else res.writeContinue();
    server.emit('request', req, res);
  });
}

function continueOnFirstRead(req: IncomingMessage, res: ServerResponse): void {
  const read = req._read;
  req._read = function (this: IncomingMessage, size: number) {
    req._read = read;
    // Node reads off an unread body itself once the response is finished: the answer has gone
    // out by then and a late 100 would be taken for the start of the next response.
    if (!res.headersSent && !res.destroyed) res.writeContinue();
    return read.call(this, size);
  };
}

function declaresBody(req: IncomingMessage): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = req.headers['content-length'];
  return length !== undefined && length !== '0';
}
