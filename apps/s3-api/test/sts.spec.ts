// STS AssumeRoleWithWebIdentity on the wire (KakaoCloud S3 document "Temporary credentials"):
// the form and JSON requests, the response and error documents, and the temporary credentials
// in use: X-Amz-Security-Token required, the token user's rights, expiry and revocation.
import { presignUrl, TOKEN_KINDS } from '@gw/auth';
import request from 'supertest';
import {
  addUser,
  childNames,
  createBucket,
  Credentials,
  parseXmlDocument,
  putObject,
  s3Error,
  send,
  startS3Harness,
  S3Harness,
  textOf,
  WireResponse,
  XmlElement,
} from './s3-harness';

const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

interface StsCredentials extends Credentials {
  sessionToken: string;
  expiration: string;
}

describe('S3 wire: STS AssumeRoleWithWebIdentity', () => {
  let h: S3Harness;

  beforeAll(async () => {
    h = await startS3Harness();
    await createBucket(h, 'sts');
    await putObject(h, 'sts', 'readme.txt', 'temporary hello');
  });
  afterAll(async () => {
    await h?.close();
  });

  const webToken = async (userId = h.userId, ttlSeconds = 600): Promise<{ token: string; jti: string }> =>
    h.tokens.issue({ userId, kind: TOKEN_KINDS.authToken, ttlSeconds });

  /** POST / with a form body (what SDKs send) or the JSON body of the KakaoCloud document. */
  async function sts(params: Record<string, string | number>, as: 'form' | 'json' = 'form'): Promise<WireResponse & { doc: XmlElement }> {
    const body =
      as === 'json' ? JSON.stringify(params) : new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString();
    const contentType = as === 'json' ? 'application/json' : 'application/x-www-form-urlencoded; charset=utf-8';
    const res = await request(h.url)
      .post('/')
      .set('Content-Type', contentType)
      .set('Accept', '*/*')
      .send(body)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    const raw = res.body as Buffer;
    const text = raw.toString('utf8');
    return { status: res.status, headers: res.headers, body: raw, text, doc: parseXmlDocument(text) };
  }

  function credentialsOf(doc: XmlElement): StsCredentials {
    const result = doc.children.find((c) => c.name === 'AssumeRoleWithWebIdentityResult')!;
    const creds = result.children.find((c) => c.name === 'Credentials')!;
    return {
      accessKey: textOf(creds, 'AccessKeyId')!,
      secretKey: textOf(creds, 'SecretAccessKey')!,
      sessionToken: textOf(creds, 'SessionToken')!,
      expiration: textOf(creds, 'Expiration')!,
    };
  }

  function stsError(res: WireResponse & { doc: XmlElement }): { type: string; code: string; message: string } {
    expect(res.headers['content-type']).toBe('text/xml');
    expect(res.doc.name).toBe('ErrorResponse');
    expect(res.doc.attributes.xmlns).toBe(STS_NS);
    expect(childNames(res.doc)).toEqual(['Error', 'RequestId']);
    const error = res.doc.children[0];
    expect(childNames(error)).toEqual(['Type', 'Code', 'Message']);
    expect(textOf(res.doc, 'RequestId')).toBe(res.headers['x-amz-request-id']);
    return { type: textOf(error, 'Type')!, code: textOf(error, 'Code')!, message: textOf(error, 'Message')! };
  }

  /** Signs with temporary credentials; `token` is the X-Amz-Security-Token to send (none when undefined). */
  const sendAs = (creds: Credentials, token: string | undefined, method: string, path: string, body?: string) =>
    send(h, method, path, { creds, body, headers: token === undefined ? {} : { 'x-amz-security-token': token } });

  describe('the response', () => {
    it('answers a form request with the document of the KakaoCloud spec, in the STS namespace', async () => {
      const before = Date.now();
      const res = await sts({ Action: 'AssumeRoleWithWebIdentity', Version: '2011-06-15', WebIdentityToken: (await webToken()).token, DurationSeconds: 1800 });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/xml');
      expect(res.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
      expect(res.doc.name).toBe('AssumeRoleWithWebIdentityResponse');
      expect(res.doc.attributes.xmlns).toBe(STS_NS);
      expect(childNames(res.doc)).toEqual(['AssumeRoleWithWebIdentityResult', 'ResponseMetadata']);
      const result = res.doc.children[0];
      expect(childNames(result)).toEqual(['SubjectFromWebIdentityToken', 'Credentials', 'Provider']);
      expect(textOf(result, 'SubjectFromWebIdentityToken')).toBe(h.userId);
      expect(textOf(result, 'Provider')).toBe('iam.kakaocloud.com');
      expect(childNames(result.children[1])).toEqual(['SessionToken', 'SecretAccessKey', 'Expiration', 'AccessKeyId']);
      expect(textOf(res.doc.children[1], 'RequestId')).toBe(res.headers['x-amz-request-id']);

      const creds = credentialsOf(res.doc);
      expect(creds.accessKey).toMatch(/^[A-Z0-9]{20}$/);
      expect(creds.secretKey).toHaveLength(40);
      expect(creds.sessionToken.split('.')).toHaveLength(3);
      expect(creds.expiration).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      const lifetime = Date.parse(creds.expiration) - before;
      expect(lifetime).toBeGreaterThan(1795_000);
      expect(lifetime).toBeLessThanOrEqual(1801_000);

      const row = await h.db.knex('credentials').where({ access_key: creds.accessKey }).first();
      expect(row).toMatchObject({ kind: 'temporary', user_id: h.userId });
      expect(new Date(row.expires_at).toISOString()).toBe(new Date(creds.expiration).toISOString());
      expect(row.secret_enc).not.toContain(creds.secretKey);
    });

    it('answers the JSON request of the KakaoCloud document the same way, 3600 seconds by default', async () => {
      const res = await sts({ Action: 'AssumeRoleWithWebIdentity', ProviderId: 'iam.kakaocloud.com', WebIdentityToken: (await webToken()).token }, 'json');
      expect(res.status).toBe(200);
      const lifetime = Date.parse(credentialsOf(res.doc).expiration) - Date.now();
      expect(lifetime).toBeGreaterThan(3590_000);
      expect(lifetime).toBeLessThanOrEqual(3600_000);
    });

    it('accepts the RoleArn and RoleSessionName AWS SDKs always send, and the 900 and 43200 bounds', async () => {
      for (const duration of [900, 43200]) {
        const res = await sts({ Action: 'AssumeRoleWithWebIdentity', RoleArn: 'arn:aws:iam::123456789012:role/any', RoleSessionName: 's', WebIdentityToken: (await webToken()).token, DurationSeconds: duration });
        expect(res.status).toBe(200);
      }
    });
  });

  describe('errors, as STS ErrorResponse documents', () => {
    it.each([
      [{ DurationSeconds: 899 }, 'ValidationError', "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"],
      [{ DurationSeconds: 43201 }, 'ValidationError', "1 validation error detected: Value '43201' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200"],
      [{ WebIdentityToken: 'abc' }, 'ValidationError', "1 validation error detected: Value '***' at 'webIdentityToken' failed to satisfy constraint: Member must have length greater than or equal to 4"],
      [{ DurationSeconds: 'soon' }, 'InvalidParameterValue', "Value 'soon' for parameter DurationSeconds is invalid. It must be an integer."],
      [{ ProviderId: 'accounts.google.com' }, 'InvalidParameterValue', "ProviderId 'accounts.google.com' is not supported; the identity provider is iam.kakaocloud.com."],
    ])('refuses %j with 400 %s', async (change, code, message) => {
      const res = await sts({ Action: 'AssumeRoleWithWebIdentity', WebIdentityToken: (await webToken()).token, ...change });
      expect(res.status).toBe(400);
      expect(stsError(res)).toEqual({ type: 'Sender', code, message });
    });

    it('refuses a missing token, a missing or unknown action', async () => {
      const noToken = await sts({ Action: 'AssumeRoleWithWebIdentity' });
      expect([noToken.status, stsError(noToken).code]).toEqual([400, 'ValidationError']);
      expect(stsError(noToken).message).toContain("Value null at 'webIdentityToken'");
      const noAction = await sts({ WebIdentityToken: 'x' }, 'json');
      expect([noAction.status, stsError(noAction).code]).toEqual([400, 'InvalidAction']);
      const other = await sts({ Action: 'AssumeRole', WebIdentityToken: 'xxxx' });
      expect(stsError(other)).toEqual({ type: 'Sender', code: 'InvalidAction', message: 'Could not find operation AssumeRole for version 2011-06-15' });
      const badJson = await request(h.url).post('/').set('Content-Type', 'application/json').send('{"Action":');
      expect(badJson.status).toBe(400);
      expect(badJson.text).toContain('<Code>InvalidParameterValue</Code>');
    });

    it('refuses a forged, expired, revoked or wrong-kind web identity token', async () => {
      const forged = (await webToken()).token.slice(0, -3) + 'AAA';
      expect(stsError(await sts({ Action: 'AssumeRoleWithWebIdentity', WebIdentityToken: forged })).code).toBe('InvalidIdentityToken');

      const expired = await h.tokens.issue({ userId: h.userId, kind: TOKEN_KINDS.authToken, ttlSeconds: 60 }, new Date(Date.now() - 120_000));
      const res = await sts({ Action: 'AssumeRoleWithWebIdentity', WebIdentityToken: expired.token });
      expect([res.status, stsError(res).code]).toEqual([400, 'ExpiredTokenException']);

      const revoked = await webToken();
      await h.tokens.revoke(revoked.jti);
      expect(stsError(await sts({ Action: 'AssumeRoleWithWebIdentity', WebIdentityToken: revoked.token })).code).toBe('InvalidIdentityToken');

      const session = await h.tokens.issue({ userId: h.userId, kind: TOKEN_KINDS.stsSession, ttlSeconds: 600 });
      expect(stsError(await sts({ Action: 'AssumeRoleWithWebIdentity', WebIdentityToken: session.token })).code).toBe('InvalidIdentityToken');
    });

    it('refuses the token of a disabled user with 403 AccessDenied', async () => {
      const user = await addUser(h, 'member', 'sts-disabled');
      const { token } = await webToken(user.userId);
      await h.identity.setUserStatus(user.userId, 'disabled');
      const res = await sts({ Action: 'AssumeRoleWithWebIdentity', WebIdentityToken: token });
      expect(res.status).toBe(403);
      expect(stsError(res).code).toBe('AccessDenied');
    });
  });

  describe('the temporary credentials', () => {
    let temp: StsCredentials;
    let web: { token: string; jti: string };

    beforeAll(async () => {
      web = await webToken();
      temp = credentialsOf((await sts({ Action: 'AssumeRoleWithWebIdentity', WebIdentityToken: web.token })).doc);
    });

    it('sign S3 requests with the token user rights when X-Amz-Security-Token carries the session token', async () => {
      const put = await sendAs(temp, temp.sessionToken, 'PUT', '/sts/by-temp.txt', 'written with temporary credentials');
      expect(put.status).toBe(200);
      const get = await sendAs(temp, temp.sessionToken, 'GET', '/sts/by-temp.txt');
      expect([get.status, get.text]).toEqual([200, 'written with temporary credentials']);
      const list = await sendAs(temp, temp.sessionToken, 'GET', '/');
      expect(list.text).toContain('<Name>sts</Name>');
    });

    it('work in presigned URLs with X-Amz-Security-Token in the query', async () => {
      const url = presignUrl({
        method: 'GET',
        url: `${h.url}/sts/readme.txt`,
        accessKeyId: temp.accessKey,
        secretKey: temp.secretKey,
        region: h.region,
        service: 's3',
        now: new Date(),
        expiresSeconds: 300,
        securityToken: temp.sessionToken,
      });
      const res = await send(h, 'GET', url.slice(h.url.length), { anonymous: true });
      expect([res.status, res.text]).toEqual([200, 'temporary hello']);
    });

    it('are refused without the session token (AccessDenied) or with another one (InvalidToken)', async () => {
      const without = await sendAs(temp, undefined, 'GET', '/sts/readme.txt');
      expect([without.status, s3Error(without).code]).toEqual([403, 'AccessDenied']);

      const other = credentialsOf((await sts({ Action: 'AssumeRoleWithWebIdentity', WebIdentityToken: (await webToken()).token })).doc);
      const swapped = await sendAs(temp, other.sessionToken, 'GET', '/sts/readme.txt');
      expect([swapped.status, s3Error(swapped).code]).toEqual([400, 'InvalidToken']);
      const garbage = await sendAs(temp, 'not-a-token', 'GET', '/sts/readme.txt');
      expect([garbage.status, s3Error(garbage).code]).toEqual([400, 'InvalidToken']);
      // The web identity token is not a session token.
      const webAsSession = await sendAs(temp, web.token, 'GET', '/sts/readme.txt');
      expect(s3Error(webAsSession).code).toBe('InvalidToken');
    });

    it('a permanent key with a security token is InvalidToken', async () => {
      const res = await sendAs(h.creds, temp.sessionToken, 'GET', '/sts/readme.txt');
      expect([res.status, s3Error(res).code]).toEqual([400, 'InvalidToken']);
    });

    it('carry only the token user rights: a reader token gives read-only credentials', async () => {
      const reader = await addUser(h, 'reader', 'sts-reader');
      const creds = credentialsOf((await sts({ Action: 'AssumeRoleWithWebIdentity', WebIdentityToken: (await webToken(reader.userId)).token })).doc);
      expect((await sendAs(creds, creds.sessionToken, 'GET', '/sts/readme.txt')).status).toBe(200);
      const put = await sendAs(creds, creds.sessionToken, 'PUT', '/sts/by-reader.txt', 'no');
      expect([put.status, s3Error(put).code]).toEqual([403, 'AccessDenied']);
    });

    it('expire: ExpiredToken once their time is over', async () => {
      const creds = credentialsOf((await sts({ Action: 'AssumeRoleWithWebIdentity', WebIdentityToken: (await webToken()).token })).doc);
      await h.db.knex('credentials').where({ access_key: creds.accessKey }).update({ expires_at: new Date(Date.now() - 1000) });
      const res = await sendAs(creds, creds.sessionToken, 'GET', '/sts/readme.txt');
      expect([res.status, s3Error(res).code]).toEqual([400, 'ExpiredToken']);
    });

    it('end when their session token is revoked, or the web identity token they came from', async () => {
      const viaSession = credentialsOf((await sts({ Action: 'AssumeRoleWithWebIdentity', WebIdentityToken: (await webToken()).token })).doc);
      const row = await h.db.knex('credentials').where({ access_key: viaSession.accessKey }).first();
      await h.tokens.revoke(row.token_jti);
      const a = await sendAs(viaSession, viaSession.sessionToken, 'GET', '/sts/readme.txt');
      expect([a.status, s3Error(a).code]).toEqual([400, 'InvalidToken']);

      expect((await sendAs(temp, temp.sessionToken, 'GET', '/sts/readme.txt')).status).toBe(200);
      await h.tokens.revoke(web.jti);
      const b = await sendAs(temp, temp.sessionToken, 'GET', '/sts/readme.txt');
      expect([b.status, s3Error(b).code]).toEqual([400, 'InvalidToken']);
    });
  });

  it('POST / that S3 routes elsewhere is not STS: a POST to a bucket stays S3', async () => {
    const res = await send(h, 'POST', '/sts', { body: 'x', headers: { 'content-type': 'text/plain' } });
    expect(res.status).toBe(412);
    expect(s3Error(res).code).toBe('PreconditionFailed');
  });
});
