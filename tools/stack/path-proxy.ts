import http from 'node:http';
import { pipeline } from 'node:stream';

export type Upstreams = Record<string, { host: string; port: number }>;

/**
 * A small streaming reverse proxy that routes each request to an upstream chosen from its path,
 * as the compose stack's nginx does: bodies are piped both ways without buffering, and the
 * client's address travels in X-Forwarded-For.
 *
 * `Expect: 100-continue` is relayed, not answered here: the upstream decides (after
 * authentication and the access decision) whether it wants the body, its `100 Continue` is
 * passed on to the client and only then is the body forwarded. When the upstream answers
 * without 100, that answer is relayed and the body is never read (Node closes the client's
 * connection after it, as the upstream does).
 */
export function createPathProxy(route: (path: string) => string, upstreams: Upstreams): http.Server {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const forward = (req: http.IncomingMessage, res: http.ServerResponse, expectsContinue: boolean) => {
    const path = (req.url ?? '/').split('?')[0];
    const upstream = upstreams[route(path)];
    const forwardedFor = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
    let bodyForwarded = false;
    const forwardBody = () => {
      bodyForwarded = true;
      pipeline(req, outgoing, () => undefined);
    };
    const outgoing = http.request(
      { ...upstream, agent, method: req.method, path: req.url, headers: { ...req.headers, 'x-forwarded-for': forwardedFor } },
      (upstreamRes) => {
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.rawHeaders as unknown as http.OutgoingHttpHeaders);
        // A refused upload's request is never finished: drop it once its answer is relayed.
        pipeline(upstreamRes, res, () => {
          if (!bodyForwarded) outgoing.destroy();
        });
      },
    );
    outgoing.on('error', () => {
      if (!res.headersSent) res.writeHead(502).end('Bad Gateway');
      else res.destroy();
    });
    if (!expectsContinue) return forwardBody();
    outgoing.on('continue', () => {
      if (bodyForwarded || res.headersSent) return;
      res.writeContinue();
      forwardBody();
    });
    outgoing.flushHeaders();
  };
  const server = http.createServer((req, res) => forward(req, res, false));
  server.on('checkContinue', (req: http.IncomingMessage, res: http.ServerResponse) => forward(req, res, true));
  return server;
}
