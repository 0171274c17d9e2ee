import { parseAclHeaders } from './acl-headers';

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const ID = 'a'.repeat(32);
const codeOf = (headers: Record<string, string>): string => {
  try {
    parseAclHeaders(headers);
  } catch (error) {
    return (error as { code: string }).code;
  }
  throw new Error('parsed');
};

describe('parseAclHeaders', () => {
  it('is undefined without ACL headers, and for an empty x-amz-acl (S3 applies the default)', () => {
    expect(parseAclHeaders({ 'content-type': 'text/plain' })).toBeUndefined();
    expect(parseAclHeaders({ 'x-amz-acl': '' })).toBeUndefined();
  });

  it('reads a canned ACL', () => {
    expect(parseAclHeaders({ 'x-amz-acl': 'authenticated-read' })).toEqual({ canned: 'authenticated-read' });
  });

  it('reads grantees quoted or not, with spaces, in header order then list order', () => {
    expect(parseAclHeaders({ 'x-amz-grant-write': `id=${ID}`, 'x-amz-grant-read': ` uri = "${ALL_USERS}" ,ID="${ID}"` })).toEqual({
      grants: [
        { grantee: { type: 'group', group: 'AllUsers' }, permission: 'READ' },
        { grantee: { type: 'user', id: ID }, permission: 'READ' },
        { grantee: { type: 'user', id: ID }, permission: 'WRITE' },
      ],
    });
  });

  it('refuses what S3 refuses', () => {
    expect(codeOf({ 'x-amz-acl': 'private', 'x-amz-grant-read': `id="${ID}"` })).toBe('InvalidRequest');
    expect(codeOf({ 'x-amz-acl': 'aws-exec-read' })).toBe('InvalidArgument');
    expect(codeOf({ 'x-amz-grant-read': `id="${ID}",` })).toBe('InvalidArgument');
    expect(codeOf({ 'x-amz-grant-read': 'uri="http://acs.amazonaws.com/groups/s3/LogDelivery"' })).toBe('InvalidArgument');
    expect(codeOf({ 'x-amz-grant-read': 'emailAddress="a@b.c"' })).toBe('UnresolvableGrantByEmailAddress');
  });
});
