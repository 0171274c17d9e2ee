// Bucket and object ACLs on the wire: the AccessControlPolicy document S3 clients parse, the
// three ways to set an ACL (x-amz-acl, x-amz-grant-* headers, an XML body that wins over them),
// S3's errors for what is refused, ACLs at creation, and what the grants let other callers do.
import {
  addUser,
  all,
  blobFiles,
  childNames,
  createBucket,
  Credentials,
  md5Base64,
  objectRows,
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

const NS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const AUTHENTICATED_USERS = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';
const LOG_DELIVERY = 'http://acs.amazonaws.com/groups/s3/LogDelivery';

interface GrantView {
  type: string;
  id?: string;
  displayName?: string;
  uri?: string;
  permission: string;
}

/** The AccessControlPolicy of a GET ?acl answer, checked for S3's shape, as owner + grants. */
function policyOf(res: WireResponse): { owner: { id?: string; displayName?: string }; grants: GrantView[] } {
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('application/xml');
  const doc = parseXmlDocument(res.text);
  expect(doc.name).toBe('AccessControlPolicy');
  expect(doc.attributes.xmlns).toBe(NS);
  expect(childNames(doc)).toEqual(['Owner', 'AccessControlList']);
  const owner = doc.children[0];
  expect(childNames(owner)).toEqual(['ID', 'DisplayName']);
  const list = doc.children[1];
  const grants = all(list, 'Grant').map((grant: XmlElement) => {
    expect(childNames(grant)).toEqual(['Grantee', 'Permission']);
    const grantee = grant.children[0];
    expect(grantee.attributes['xmlns:xsi']).toBe(XSI);
    const type = grantee.attributes['xsi:type'];
    expect(childNames(grantee)).toEqual(type === 'CanonicalUser' ? ['ID', 'DisplayName'] : ['URI']);
    const view: GrantView = { type, permission: textOf(grant, 'Permission')! };
    if (type === 'CanonicalUser') Object.assign(view, { id: textOf(grantee, 'ID'), displayName: textOf(grantee, 'DisplayName') });
    else view.uri = textOf(grantee, 'URI');
    return view;
  });
  expect(childNames(list).every((name) => name === 'Grant')).toBe(true);
  return { owner: { id: textOf(owner, 'ID'), displayName: textOf(owner, 'DisplayName') }, grants };
}

const policyDocument = (grants: string[], owner?: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><AccessControlPolicy xmlns="${NS}">` +
  (owner ? `<Owner><ID>${owner}</ID></Owner>` : '') +
  `<AccessControlList>${grants.join('')}</AccessControlList></AccessControlPolicy>`;
const userGrant = (id: string, permission: string): string =>
  `<Grant><Grantee xmlns:xsi="${XSI}" xsi:type="CanonicalUser"><ID>${id}</ID></Grantee><Permission>${permission}</Permission></Grant>`;
const groupGrant = (uri: string, permission: string): string =>
  `<Grant><Grantee xmlns:xsi="${XSI}" xsi:type="Group"><URI>${uri}</URI></Grantee><Permission>${permission}</Permission></Grant>`;

describe('S3 wire: ACLs', () => {
  let h: S3Harness;
  let reader: Credentials & { userId: string };
  let other: { accountId: string; user: Credentials & { userId: string } };
  const me = () => ({ type: 'CanonicalUser', id: h.userId, displayName: 'tester' });

  beforeAll(async () => {
    h = await startS3Harness();
    reader = await addUser(h, 'reader', 'acl-reader');
    const account = await h.storage.accounts.create({ name: 'acl-other' });
    other = { accountId: account.id, user: await addUser(h, 'member', 'stranger', account.id) };
  });
  afterAll(async () => {
    await h?.close();
  });

  const putAcl = (path: string, options: { headers?: Record<string, string>; body?: string; creds?: Credentials } = {}) =>
    send(h, 'PUT', path, {
      ...options,
      headers: { ...(options.body ? { 'Content-MD5': md5Base64(options.body), 'Content-Type': 'application/xml' } : {}), ...options.headers },
    });
  const errorOf = (res: WireResponse, status: number) => {
    expect(res.status).toBe(status);
    return s3Error(res);
  };

  describe('GetBucketAcl / PutBucketAcl', () => {
    beforeAll(async () => {
      await createBucket(h, 'acl-bucket');
    });

    it('a new bucket is private: the owner alone, with FULL_CONTROL', async () => {
      const policy = policyOf(await send(h, 'GET', '/acl-bucket?acl'));
      expect(policy.owner).toEqual({ id: h.userId, displayName: 'tester' });
      expect(policy.grants).toEqual([{ ...me(), permission: 'FULL_CONTROL' }]);
    });

    it('takes each canned ACL in x-amz-acl and answers 200 with an empty body', async () => {
      const expected: Record<string, GrantView[]> = {
        'public-read': [{ type: 'Group', uri: ALL_USERS, permission: 'READ' }],
        'public-read-write': [{ type: 'Group', uri: ALL_USERS, permission: 'READ' }, { type: 'Group', uri: ALL_USERS, permission: 'WRITE' }],
        'authenticated-read': [{ type: 'Group', uri: AUTHENTICATED_USERS, permission: 'READ' }],
        private: [],
      };
      for (const [canned, extra] of Object.entries(expected)) {
        const res = await putAcl('/acl-bucket?acl', { headers: { 'x-amz-acl': canned } });
        expect(res.status).toBe(200);
        expect(res.body.length).toBe(0);
        expect(policyOf(await send(h, 'GET', '/acl-bucket?acl')).grants).toEqual([{ ...me(), permission: 'FULL_CONTROL' }, ...extra]);
      }
    });

    it('takes x-amz-grant-* headers with id= and uri= grantees, comma-separated', async () => {
      const res = await putAcl('/acl-bucket?acl', {
        headers: {
          'x-amz-grant-full-control': `id="${h.userId}"`,
          'x-amz-grant-read': `id="${other.user.userId}", uri="${ALL_USERS}"`,
          'x-amz-grant-write-acp': `id=${other.user.userId}`,
        },
      });
      expect(res.status).toBe(200);
      expect(policyOf(await send(h, 'GET', '/acl-bucket?acl')).grants).toEqual([
        { ...me(), permission: 'FULL_CONTROL' },
        { type: 'CanonicalUser', id: other.user.userId, displayName: 'stranger', permission: 'READ' },
        { type: 'Group', uri: ALL_USERS, permission: 'READ' },
        { type: 'CanonicalUser', id: other.user.userId, displayName: 'stranger', permission: 'WRITE_ACP' },
      ]);
    });

    it('takes an AccessControlPolicy body, which wins over headers sent with it', async () => {
      const body = policyDocument([userGrant(h.userId, 'FULL_CONTROL'), userGrant(other.user.userId, 'READ-ACP'), groupGrant(ALL_USERS, 'READ')], h.userId);
      const res = await putAcl('/acl-bucket?acl', { body, headers: { 'x-amz-acl': 'public-read-write', 'x-amz-grant-write': `id="${reader.userId}"` } });
      expect(res.status).toBe(200);
      expect(policyOf(await send(h, 'GET', '/acl-bucket?acl')).grants).toEqual([
        { ...me(), permission: 'FULL_CONTROL' },
        { type: 'CanonicalUser', id: other.user.userId, displayName: 'stranger', permission: 'READ_ACP' },
        { type: 'Group', uri: ALL_USERS, permission: 'READ' },
      ]);
    });

    it('an empty AccessControlList revokes every grant, the owner\'s too', async () => {
      expect((await putAcl('/acl-bucket?acl', { body: policyDocument([]) })).status).toBe(200);
      expect(policyOf(await send(h, 'GET', '/acl-bucket?acl')).grants).toEqual([]);
      await putAcl('/acl-bucket?acl', { headers: { 'x-amz-acl': 'public-read' } });
      expect((await putAcl('/acl-bucket?acl', { body: policyDocument(['\n  ']) })).status).toBe(200);
      expect(policyOf(await send(h, 'GET', '/acl-bucket?acl')).grants).toEqual([]);
      // The account still manages its bucket: roles do not depend on the ACL.
      expect((await putAcl('/acl-bucket?acl', { headers: { 'x-amz-acl': 'private' } })).status).toBe(200);
    });

    describe('refuses, changing nothing', () => {
      beforeAll(async () => {
        await putAcl('/acl-bucket?acl', { headers: { 'x-amz-acl': 'public-read' } });
      });
      afterEach(async () => {
        const grants = policyOf(await send(h, 'GET', '/acl-bucket?acl')).grants;
        expect(grants).toEqual([{ ...me(), permission: 'FULL_CONTROL' }, { type: 'Group', uri: ALL_USERS, permission: 'READ' }]);
      });

      it('a canned ACL together with grant headers: 400 InvalidRequest', async () => {
        const res = await putAcl('/acl-bucket?acl', { headers: { 'x-amz-acl': 'private', 'x-amz-grant-read': `uri="${ALL_USERS}"` } });
        expect(errorOf(res, 400)).toMatchObject({ code: 'InvalidRequest', message: 'Specifying both Canned ACLs and Header Grants is not allowed' });
      });

      it('an unknown canned ACL: 400 InvalidArgument naming x-amz-acl', async () => {
        const error = errorOf(await putAcl('/acl-bucket?acl', { headers: { 'x-amz-acl': 'log-delivery-write' } }), 400);
        expect(error.code).toBe('InvalidArgument');
        expect(error.fields).toMatchObject({ ArgumentName: 'x-amz-acl', ArgumentValue: 'log-delivery-write' });
      });

      it('a grant to an unknown user id, in a header or the body: 400 InvalidArgument "Invalid id"', async () => {
        const unknown = 'f'.repeat(32);
        for (const res of [
          await putAcl('/acl-bucket?acl', { headers: { 'x-amz-grant-read': `id="${unknown}"` } }),
          await putAcl('/acl-bucket?acl', { body: policyDocument([userGrant(unknown, 'READ')]) }),
        ]) {
          const error = errorOf(res, 400);
          expect(error).toMatchObject({ code: 'InvalidArgument', message: 'Invalid id' });
          expect(error.fields).toMatchObject({ ArgumentName: 'CanonicalUser/ID', ArgumentValue: unknown });
        }
      });

      it('a group other than AllUsers and AuthenticatedUsers (LogDelivery): 400 InvalidArgument "Invalid group uri"', async () => {
        const header = errorOf(await putAcl('/acl-bucket?acl', { headers: { 'x-amz-grant-write': `uri="${LOG_DELIVERY}"` } }), 400);
        expect(header).toMatchObject({ code: 'InvalidArgument', message: 'Invalid group uri' });
        expect(header.fields).toMatchObject({ ArgumentName: 'uri', ArgumentValue: LOG_DELIVERY });
        const body = errorOf(await putAcl('/acl-bucket?acl', { body: policyDocument([groupGrant(LOG_DELIVERY, 'WRITE')]) }), 400);
        expect(body.fields).toMatchObject({ ArgumentName: 'Group/URI', ArgumentValue: LOG_DELIVERY });
      });

      it('a grant by e-mail address: 400 UnresolvableGrantByEmailAddress', async () => {
        const header = errorOf(await putAcl('/acl-bucket?acl', { headers: { 'x-amz-grant-read': 'emailAddress="someone@example.com"' } }), 400);
        expect(header.code).toBe('UnresolvableGrantByEmailAddress');
        expect(header.fields.EmailAddress).toBe('someone@example.com');
        const byEmail = `<Grant><Grantee xmlns:xsi="${XSI}" xsi:type="AmazonCustomerByEmail"><EmailAddress>someone@example.com</EmailAddress></Grantee><Permission>READ</Permission></Grant>`;
        expect(errorOf(await putAcl('/acl-bucket?acl', { body: policyDocument([byEmail]) }), 400).code).toBe('UnresolvableGrantByEmailAddress');
      });

      it('a grant header in an unknown format: 400 InvalidArgument "Argument format not recognized"', async () => {
        const error = errorOf(await putAcl('/acl-bucket?acl', { headers: { 'x-amz-grant-read': 'user=someone' } }), 400);
        expect(error).toMatchObject({ code: 'InvalidArgument', message: 'Argument format not recognized' });
        expect(error.fields).toMatchObject({ ArgumentName: 'x-amz-grant-read', ArgumentValue: 'user=someone' });
      });

      it('a body that is not an AccessControlPolicy: 400 MalformedACLError', async () => {
        const bodies = [
          '<AccessControlPolicy><AccessControlList>',
          '<Policy/>',
          `<AccessControlPolicy xmlns="${NS}"></AccessControlPolicy>`,
          policyDocument(['<Permission>READ</Permission>']),
          policyDocument([`<Grant><Grantee xmlns:xsi="${XSI}" xsi:type="CanonicalUser"><ID>${h.userId}</ID></Grantee></Grant>`]),
          policyDocument([userGrant(h.userId, 'EVERYTHING')]),
          policyDocument([`<Grant><Grantee xmlns:xsi="${XSI}" xsi:type="CanonicalUser"></Grantee><Permission>READ</Permission></Grant>`]),
          policyDocument([`<Grant><Grantee xmlns:xsi="${XSI}" xsi:type="Robot"><ID>x</ID></Grantee><Permission>READ</Permission></Grant>`]),
        ];
        for (const body of bodies) expect({ body, code: errorOf(await putAcl('/acl-bucket?acl', { body }), 400).code }).toEqual({ body, code: 'MalformedACLError' });
      });

      it('an Owner that is not the owner: 403 AccessDenied', async () => {
        const res = await putAcl('/acl-bucket?acl', { body: policyDocument([userGrant(other.user.userId, 'FULL_CONTROL')], other.user.userId) });
        expect(errorOf(res, 403).code).toBe('AccessDenied');
      });

      it('neither headers nor a body: 400 MissingSecurityHeader', async () => {
        const error = errorOf(await putAcl('/acl-bucket?acl'), 400);
        expect(error).toMatchObject({ code: 'MissingSecurityHeader', message: 'Your request was missing a required header.' });
        expect(error.fields.MissingHeaderName).toBe('x-amz-acl');
      });

      it('a body whose Content-MD5 does not match: 400 BadDigest', async () => {
        const body = policyDocument([groupGrant(ALL_USERS, 'WRITE')]);
        const res = await send(h, 'PUT', '/acl-bucket?acl', { body, headers: { 'Content-MD5': md5Base64('something else') } });
        expect(errorOf(res, 400).code).toBe('BadDigest');
      });

      it('a reader: 403 AccessDenied (a reader may read the ACL)', async () => {
        expect(policyOf(await send(h, 'GET', '/acl-bucket?acl', { creds: reader })).grants).toHaveLength(2);
        expect(errorOf(await putAcl('/acl-bucket?acl', { creds: reader, headers: { 'x-amz-acl': 'private' } }), 403).code).toBe('AccessDenied');
      });
    });
  });

  describe('ACLs at creation', () => {
    it('CreateBucket applies x-amz-acl and x-amz-grant-* headers', async () => {
      expect((await send(h, 'PUT', '/born-public', { headers: { 'x-amz-acl': 'public-read' } })).status).toBe(200);
      expect(policyOf(await send(h, 'GET', '/born-public?acl')).grants).toEqual([
        { ...me(), permission: 'FULL_CONTROL' },
        { type: 'Group', uri: ALL_USERS, permission: 'READ' },
      ]);
      expect((await send(h, 'PUT', '/born-shared', { headers: { 'x-amz-grant-read': `id="${other.user.userId}"` } })).status).toBe(200);
      expect(policyOf(await send(h, 'GET', '/born-shared?acl')).grants).toEqual([
        { type: 'CanonicalUser', id: other.user.userId, displayName: 'stranger', permission: 'READ' },
      ]);
    });

    it('CreateBucket with a refused ACL creates nothing', async () => {
      const res = await send(h, 'PUT', '/never-born', { headers: { 'x-amz-acl': 'public-read', 'x-amz-grant-read': `uri="${ALL_USERS}"` } });
      expect(errorOf(res, 400).code).toBe('InvalidRequest');
      expect((await send(h, 'HEAD', '/never-born')).status).toBe(404);
    });

    it('PutObject applies the ACL to the new object; a refused one stores nothing', async () => {
      await createBucket(h, 'acl-objects');
      await putObject(h, 'acl-objects', 'public.txt', 'hello', { 'x-amz-acl': 'public-read' });
      expect(policyOf(await send(h, 'GET', '/acl-objects/public.txt?acl')).grants).toEqual([
        { ...me(), permission: 'FULL_CONTROL' },
        { type: 'Group', uri: ALL_USERS, permission: 'READ' },
      ]);
      const before = blobFiles(h);
      const res = await send(h, 'PUT', '/acl-objects/refused.txt', { body: 'no', headers: { 'x-amz-grant-read': `id="${'e'.repeat(32)}"` } });
      expect(errorOf(res, 400).code).toBe('InvalidArgument');
      expect(await objectRows(h, 'acl-objects', 'refused.txt')).toBe(0);
      expect(blobFiles(h)).toEqual(before);
    });
  });

  describe('GetObjectAcl / PutObjectAcl', () => {
    beforeAll(async () => {
      await createBucket(h, 'object-acls');
      await putObject(h, 'object-acls', 'doc.txt', 'document');
    });

    it('an object is private to its writer until its ACL changes; versionId=null names the one version', async () => {
      const policy = policyOf(await send(h, 'GET', '/object-acls/doc.txt?acl'));
      expect(policy.owner).toEqual({ id: h.userId, displayName: 'tester' });
      expect(policy.grants).toEqual([{ ...me(), permission: 'FULL_CONTROL' }]);
      expect((await putAcl('/object-acls/doc.txt?acl&versionId=null', { headers: { 'x-amz-grant-read': `uri="${ALL_USERS}"` } })).status).toBe(200);
      expect(policyOf(await send(h, 'GET', '/object-acls/doc.txt?acl')).grants).toEqual([{ type: 'Group', uri: ALL_USERS, permission: 'READ' }]);
      expect((await putAcl('/object-acls/doc.txt?acl', { headers: { 'x-amz-acl': 'private' } })).status).toBe(200);
    });

    it('answers NoSuchKey, NoSuchVersion and InvalidArgument for what is not there', async () => {
      expect(errorOf(await send(h, 'GET', '/object-acls/missing.txt?acl'), 404).code).toBe('NoSuchKey');
      expect(errorOf(await putAcl('/object-acls/missing.txt?acl', { headers: { 'x-amz-acl': 'private' } }), 404).code).toBe('NoSuchKey');
      expect(errorOf(await send(h, 'GET', '/object-acls/doc.txt?acl&versionId=nope'), 404).code).toBe('NoSuchVersion');
      expect(errorOf(await send(h, 'GET', '/object-acls/doc.txt?acl&versionId='), 400).code).toBe('InvalidArgument');
    });
  });

  describe('what grants allow', () => {
    beforeAll(async () => {
      await createBucket(h, 'granted');
      await putObject(h, 'granted', 'open.txt', 'open');
      await putObject(h, 'granted', 'closed.txt', 'closed');
      await putAcl('/granted/open.txt?acl', { headers: { 'x-amz-acl': 'public-read' } });
    });
    const anonymous = (method: string, path: string, body?: string) => send(h, method, `/${h.accountId}:granted${path}`, { anonymous: true, body });
    const asStranger = (method: string, path: string, body?: string) => send(h, method, `/${h.accountId}:granted${path}`, { creds: other.user, body });

    it("an object's own public-read ACL opens that object alone, in a private bucket", async () => {
      const open = await anonymous('GET', '/open.txt');
      expect(open.status).toBe(200);
      expect(open.text).toBe('open');
      expect((await anonymous('HEAD', '/open.txt')).status).toBe(200);
      expect(errorOf(await anonymous('GET', '/closed.txt'), 403).code).toBe('AccessDenied');
      expect(errorOf(await anonymous('GET', '?list-type=2'), 403).code).toBe('AccessDenied');
      expect(errorOf(await anonymous('GET', '/open.txt?acl'), 403).code).toBe('AccessDenied');
      expect(errorOf(await anonymous('DELETE', '/open.txt'), 403).code).toBe('AccessDenied');
    });

    it('a user of another account named with WRITE writes into the bucket, owns what it wrote, and reads only that', async () => {
      expect(errorOf(await asStranger('PUT', '/theirs.txt', 'x'), 403).code).toBe('AccessDenied');
      await putAcl('/granted?acl', { headers: { 'x-amz-grant-full-control': `id="${h.userId}"`, 'x-amz-grant-write': `id="${other.user.userId}"` } });
      expect((await asStranger('PUT', '/theirs.txt', 'from the stranger')).status).toBe(200);
      const policy = policyOf(await asStranger('GET', '/theirs.txt?acl'));
      expect(policy.owner).toEqual({ id: other.user.userId, displayName: 'stranger' });
      expect((await asStranger('GET', '/theirs.txt')).text).toBe('from the stranger');
      expect(errorOf(await asStranger('GET', '/closed.txt'), 403).code).toBe('AccessDenied');
      expect(errorOf(await asStranger('GET', '?list-type=2'), 403).code).toBe('AccessDenied');
      // The bucket's account reads it by role.
      expect((await send(h, 'GET', '/granted/theirs.txt')).text).toBe('from the stranger');
    });

    it("anonymous writes into a public-read-write bucket belong to the bucket's owner", async () => {
      await putAcl('/granted?acl', { headers: { 'x-amz-acl': 'public-read-write' } });
      expect((await anonymous('PUT', '/dropped.txt', 'anonymous bytes')).status).toBe(200);
      expect(policyOf(await send(h, 'GET', '/granted/dropped.txt?acl')).owner).toEqual({ id: h.userId, displayName: 'tester' });
      expect((await anonymous('HEAD', '')).status).toBe(200);
      expect(errorOf(await anonymous('PUT', '?acl', ''), 403).code).toBe('AccessDenied');
      expect(errorOf(await anonymous('GET', '?location'), 403).code).toBe('AccessDenied');
      expect(errorOf(await anonymous('DELETE', ''), 403).code).toBe('AccessDenied');
    });
  });
});
