// A raw-socket client that behaves as a careful `Expect: 100-continue` client (the AWS CLI, curl
// with a long timeout): it sends the head, and the body only after `100 Continue`. What the
// server answered, whether it sent the 100 and whether it closed the connection are recorded, so
// a test can show a refused upload was answered without the body ever being sent.
// API: `sendExpectingContinue({ host, port }, { method, path, headers, body })` -> ContinueExchange.
import net from 'node:net';

export interface ContinueRequest {
  method: string;
  path: string;
  /** Host is added when absent; Content-Length is always the body's length. */
  headers?: Record<string, string>;
  body: Buffer | string;
  /** How long to wait for the complete answer (ms). */
  timeoutMs?: number;
}

export interface ContinueExchange {
  /** The server sent `100 Continue`, and so got the body. */
  continued: boolean;
  status: number;
  /** Final response headers, names lowercased. */
  headers: Record<string, string>;
  body: string;
  /** The server closed the connection after the answer. */
  closedByServer: boolean;
  /** Everything the server wrote, for assertions on what must not be there. */
  raw: string;
}

export function sendExpectingContinue(server: { host: string; port: number }, request: ContinueRequest): Promise<ContinueExchange> {
  const body = Buffer.from(request.body);
  const headers: Record<string, string> = { host: `${server.host}:${server.port}`, ...request.headers, expect: '100-continue', 'content-length': String(body.length) };
  const head = `${request.method} ${request.path} HTTP/1.1\r\n${Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`;

  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, server.host, () => socket.write(head));
    let received = Buffer.alloc(0);
    let continued = false;
    let answer: Omit<ContinueExchange, 'closedByServer' | 'raw' | 'body'> & { bodyStart: number } | undefined;
    let settled = false;
    const finish = (closedByServer: boolean) => {
      if (settled || !answer) return;
      settled = true;
      clearTimeout(timer);
      const { bodyStart, ...rest } = answer;
      resolve({ ...rest, body: decodeBody(received.subarray(bodyStart), rest.headers) ?? '', closedByServer, raw: received.toString('latin1') });
      socket.destroy();
    };
    const timer = setTimeout(() => {
      settled = true;
      socket.destroy();
      reject(new Error(`no complete answer within ${request.timeoutMs ?? 5000} ms; received ${JSON.stringify(received.toString('latin1'))}`));
    }, request.timeoutMs ?? 5000);

    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      let offset = 0;
      for (;;) {
        if (answer) break;
        const end = received.indexOf('\r\n\r\n', offset);
        if (end < 0) break;
        const [statusLine, ...lines] = received.subarray(offset, end).toString('latin1').split('\r\n');
        const status = Number(statusLine.split(' ')[1]);
        if (status === 100) {
          if (!continued) socket.write(body);
          continued = true;
          offset = end + 4;
          continue;
        }
        const parsed: Record<string, string> = {};
        for (const line of lines) {
          const colon = line.indexOf(':');
          parsed[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
        }
        answer = { continued, status, headers: parsed, bodyStart: end + 4 };
      }
      if (answer && decodeBody(received.subarray(answer.bodyStart), answer.headers) !== undefined) {
        // Give a closing server the moment it needs to end the connection, then look.
        setTimeout(() => finish(socket.readableEnded), 50);
      }
    });
    socket.on('end', () => finish(true));
    socket.on('error', (error) => {
      if (!settled && !answer) {
        settled = true;
        clearTimeout(timer);
        reject(error);
      }
    });
  });
}

/** The complete body, or undefined while more is due. */
function decodeBody(bytes: Buffer, headers: Record<string, string>): string | undefined {
  if (headers['content-length'] !== undefined) {
    const length = Number(headers['content-length']);
    return bytes.length >= length ? bytes.subarray(0, length).toString('utf8') : undefined;
  }
  if (headers['transfer-encoding'] === 'chunked') {
    const parts: Buffer[] = [];
    let at = 0;
    for (;;) {
      const lineEnd = bytes.indexOf('\r\n', at);
      if (lineEnd < 0) return undefined;
      const size = parseInt(bytes.subarray(at, lineEnd).toString('latin1'), 16);
      if (size === 0) return bytes.indexOf('\r\n', lineEnd + 2) < 0 ? undefined : Buffer.concat(parts).toString('utf8');
      if (bytes.length < lineEnd + 2 + size + 2) return undefined;
      parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
      at = lineEnd + 2 + size + 2;
    }
  }
  return '';
}
