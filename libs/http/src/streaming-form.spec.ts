import express, { Request, Response } from 'express';
import request from 'supertest';
import { readStreamingForm, StreamedFile } from './streaming-form';

const BOUNDARY = 'b0undary';
const form = (parts: string[]) => parts.join('') + `--${BOUNDARY}--\r\n`;
const field = (name: string, value: string) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const file = (name: string, filename: string, body: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: text/plain\r\n\r\n${body}\r\n`;

const read = (stream: StreamedFile['stream']) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks).toString())).on('error', reject);
  });

function appWith(onFile: (file: StreamedFile, fields: Record<string, unknown>) => Promise<void>) {
  const app = express();
  app.post('/', (req: Request, res: Response) => {
    readStreamingForm(req, res, { limits: { fieldSize: 100 }, onFile }).then(
      (fields) => res.json({ fields }),
      (error: Error) => res.status(400).json({ error: error.message }),
    );
  });
  return app;
}
const post = (app: express.Express, body: string) => request(app).post('/').set('Content-Type', `multipart/form-data; boundary=${BOUNDARY}`).send(body);

describe('readStreamingForm', () => {
  it('hands files over one at a time, in order, with the fields read before each', async () => {
    const seen: string[] = [];
    let running = 0;
    const app = appWith(async (f, fields) => {
      running += 1;
      expect(running).toBe(1);
      const body = await read(f.stream);
      // A slow handler: the next file must wait for it.
      await new Promise((r) => setTimeout(r, 20));
      seen.push(`${f.fieldName}:${f.filename}:${body}:${Object.keys(fields).join(',')}`);
      running -= 1;
    });
    const res = await post(app, form([field('a', '1'), file('f1', 'one.txt', 'first'), field('b', '2'), file('f2', 'two.txt', 'second')])).expect(200);
    expect(seen).toEqual(['f1:one.txt:first:a', 'f2:two.txt:second:a,b']);
    expect(res.body.fields).toEqual({ a: '1', b: '2' });
  });

  it('stops at a handler that rejects: later files are skipped, the read rejects with its error', async () => {
    const seen: string[] = [];
    const app = appWith(async (f) => {
      seen.push(f.filename);
      throw new Error(`refused ${f.filename}`);
    });
    const res = await post(app, form([file('f1', 'one.txt', 'x'), file('f2', 'two.txt', 'y')])).expect(400);
    expect(res.body.error).toBe('refused one.txt');
    expect(seen).toEqual(['one.txt']);
  });

  it('rejects with multer errors for limits and broken bodies', async () => {
    const app = appWith(async (f) => void (await read(f.stream)));
    await post(app, form([field('big', 'x'.repeat(101))])).expect(400);
    await post(app, `--${BOUNDARY}\r\nContent-Disposition: form-data; name="f"; filename="x"\r\n\r\ncut`).expect(400);
  });
});
