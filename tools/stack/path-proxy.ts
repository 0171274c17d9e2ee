import http from 'node:http';
import { pipeline } from 'node:stream';

export type Upstreams = Record<string, { host: string; port: number }>;

/**
 * A small streaming reverse proxy that routes each request to an upstream chosen from its path,
 * as the compose stack's nginx does: bodies are piped both ways without buffering, and the
 * client's address travels in X-Forwarded-For.
 */
export function createPathProxy(route: (path: string) => string, upstreams: Upstreams): http.Server {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  return http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const upstream = upstreams[route(path)];
    const forwardedFor = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
    const outgoing = http.request(
      { ...upstream, agent, method: req.method, path: req.url, headers: { ...req.headers, 'x-forwarded-for': forwardedFor } },
      (upstreamRes) => {
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.rawHeaders as unknown as http.OutgoingHttpHeaders);
        pipeline(upstreamRes, res, () => undefined);
      },
    );
    outgoing.on('error', () => {
      if (!res.headersSent) res.writeHead(502).end('Bad Gateway');
      else res.destroy();
    });
    pipeline(req, outgoing, () => undefined);
  });
}
