// Expect: 100-continue on /v1_ext: a bucket document the caller may write gets `100 Continue`
// and then its answer; a refused one (no token, a reader, a missing bucket) gets the final
// answer without 100, so the client never sends the body.
import request from 'supertest';
import { sendExpectingContinue } from '@gw/http/testing';
import { startV1extHarness, V1extHarness } from './v1ext-harness';

describe('/v1_ext: Expect: 100-continue', () => {
  let h: V1extHarness;
  const server = () => ({ host: '127.0.0.1', port: Number(new URL(h.url).port) });
  const CORS = JSON.stringify({ cors: [{ allowed_origins: ['https://a.example'], allowed_methods: ['GET'], allowed_headers: [], expose_headers: [] }] });
  const putCors = (bucket: string, token?: string) =>
    sendExpectingContinue(server(), {
      method: 'PUT',
      path: `/v1_ext/bucket/${bucket}/cors`,
      headers: { 'content-type': 'application/json', ...(token ? { 'x-auth-token': token } : {}) },
      body: CORS,
    });

  beforeAll(async () => {
    h = await startV1extHarness();
    await request(h.url).put('/v1_ext/bucket').set('X-Auth-Token', h.tokens.admin).send({ name: 'continued', type: 'STANDARD' }).expect(200);
  });
  afterAll(() => h?.close());

  it('an allowed PUT gets 100 Continue, then 200', async () => {
    const res = await putCors('continued', h.tokens.admin);
    expect(res).toMatchObject({ continued: true, status: 200, closedByServer: false });
    expect(JSON.parse(res.body).cors).toHaveLength(1);
  });

  it.each([
    ['no token', 'continued', undefined, 401],
    ['a reader', 'continued', 'reader', 403],
    ['a missing bucket', 'nowhere', 'admin', 404],
  ] as const)('%s: the final answer without 100, and the connection is closed', async (_case, bucket, role, status) => {
    const res = await putCors(bucket, role && h.tokens[role]);
    expect(res).toMatchObject({ continued: false, status, closedByServer: true });
  });
});
