import { createHmac } from 'node:crypto';
import { verifyFormPost } from './formpost-signature';

const NOW = 1_700_000_000;
const KEY = 'k';
const PATH = '/v1/AUTH_acct/c/prefix/';
const base = { redirect: 'https://example.com/done', max_file_size: '1024', max_file_count: '3', expires: String(NOW + 600) };
const body = (f: typeof base) => `${PATH}\n${f.redirect}\n${f.max_file_size}\n${f.max_file_count}\n${f.expires}`;
const check = (fields: Record<string, string>, keys = [KEY]) =>
  verifyFormPost({ keys, path: PATH, fields, accountId: 'a'.repeat(32), container: 'c', prefix: 'prefix/', now: NOW });

describe('verifyFormPost (Swift formpost.py)', () => {
  it.each([
    ['sha1 hex', createHmac('sha1', KEY).update(body(base)).digest('hex')],
    ['sha256 hex', createHmac('sha256', KEY).update(body(base)).digest('hex')],
    ['sha512 prefixed base64', 'sha512:' + createHmac('sha512', KEY).update(body(base)).digest('base64')],
  ])('accepts a %s signature and returns the limits', (_name, signature) => {
    expect(check({ ...base, signature })).toMatchObject({ ok: true, maxFileSize: 1024, maxFileCount: 3 });
  });

  it('signs empty fields as Swift does: redirect "", limits and expires "0"', () => {
    const signature = createHmac('sha1', KEY).update(`${PATH}\n\n0\n0\n${NOW + 5}`).digest('hex');
    expect(check({ expires: String(NOW + 5), signature, max_file_size: '', max_file_count: '' })).toMatchObject({ ok: true, maxFileSize: 0, maxFileCount: 0 });
  });

  it.each<[string, Record<string, string>, string[] | undefined, number, string]>([
    ['a tampered limit', { ...base, max_file_size: '999999' }, undefined, 401, 'Invalid Signature'],
    ['a wrong key', base, ['other'], 401, 'Invalid Signature'],
    ['no key set', base, [], 401, 'Invalid Signature'],
    ['an expired form', { ...base, expires: String(NOW - 1) }, undefined, 401, 'Form Expired'],
    ['a max_file_size that is not an integer', { ...base, max_file_size: 'big' }, undefined, 400, 'max_file_size not an integer'],
    ['a max_file_count that is not an integer', { ...base, max_file_count: '1.5' }, undefined, 400, 'max_file_count not an integer'],
    ['an expires that is not an integer', { ...base, expires: 'tomorrow' }, undefined, 400, 'expired not an integer'],
  ])('refuses %s', (_name, fields, keys, status, message) => {
    const signature = createHmac('sha1', KEY).update(body(base)).digest('hex');
    expect(check({ ...fields, signature }, keys)).toEqual({ ok: false, status, message });
  });

  it('refuses a missing or malformed signature', () => {
    expect(check(base)).toEqual({ ok: false, status: 401, message: 'Invalid Signature' });
    expect(check({ ...base, signature: 'md5:abc' })).toEqual({ ok: false, status: 401, message: 'Invalid Signature' });
  });
});
