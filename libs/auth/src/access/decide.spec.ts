import type { BucketRecord } from '@gw/metadata';
import type { UserPrincipal } from '../principal';
import { ANONYMOUS } from '../principal';
import { authorize, decide } from './decide';

const user = (role: UserPrincipal['role'], accountId = 'a'.repeat(32)): UserPrincipal => ({
  kind: 'user', accountId, accountName: 'acct', userId: 'u'.repeat(32), userName: 'u', role,
});
const bucket = { id: 1, accountId: 'a'.repeat(32), name: 'b' } as BucketRecord;
const resource = { accountId: 'a'.repeat(32), bucket };

describe('access decision point', () => {
  it('lets account users work in their own account by role', () => {
    expect(decide({ principal: user('admin'), action: 'storage.buckets.delete', resource }).effect).toBe('allow');
    expect(decide({ principal: user('member'), action: 'storage.objects.create', resource }).effect).toBe('allow');
    expect(decide({ principal: user('reader'), action: 'storage.objects.get', resource }).effect).toBe('allow');
    expect(decide({ principal: user('reader'), action: 'storage.objects.create', resource }).effect).toBe('deny');
    expect(decide({ principal: user('reader'), action: 'storage.buckets.create', resource }).effect).toBe('deny');
  });

  it('denies other accounts and anonymous callers', () => {
    expect(decide({ principal: user('admin', 'b'.repeat(32)), action: 'storage.objects.get', resource }).effect).toBe('deny');
    expect(decide({ principal: ANONYMOUS, action: 'storage.objects.get', resource }).effect).toBe('deny');
    expect(() => authorize({ principal: ANONYMOUS, action: 'storage.objects.get', resource })).toThrow(expect.objectContaining({ code: 'AccessDenied' }));
  });
});
