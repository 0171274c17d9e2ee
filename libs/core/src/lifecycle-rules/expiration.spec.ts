import { expirationFor, filterMatches, LifecycleSubject } from './expiration';
import type { LifecycleRule } from './lifecycle-rule';

const created = new Date('2026-01-15T10:30:00.000Z');
const object = (overrides: Partial<LifecycleSubject> = {}): LifecycleSubject => ({ key: 'logs/a.txt', createdAt: created, tags: {}, ...overrides });
const days = (id: string, n: number, filter: LifecycleRule['filter'] = { form: 'filter' }, status: LifecycleRule['status'] = 'Enabled'): LifecycleRule => ({
  id,
  status,
  filter,
  expiration: { days: n },
});
const date = (id: string, iso: string, filter: LifecycleRule['filter'] = { form: 'filter' }): LifecycleRule => ({ id, status: 'Enabled', filter, expiration: { date: iso } });

describe('expirationFor', () => {
  it.each<[string, LifecycleRule[], LifecycleSubject, { expiresAt: string; ruleId: string } | undefined]>([
    // S3's own example: created 1/15 10:30, 3 days -> 1/18 10:30, rounded up to 1/19 00:00 UTC.
    ['Days rounded up to the next midnight UTC', [days('three', 3)], object(), { expiresAt: '2026-01-19T00:00:00.000Z', ruleId: 'three' }],
    ['Days from an object created at midnight', [days('one', 1)], object({ createdAt: new Date('2026-01-15T00:00:00Z') }), { expiresAt: '2026-01-16T00:00:00.000Z', ruleId: 'one' }],
    ['a Date', [date('d', '2027-03-01T00:00:00.000Z')], object(), { expiresAt: '2027-03-01T00:00:00.000Z', ruleId: 'd' }],
    ['a Date already past (due at the next run)', [date('past', '2020-01-01T00:00:00.000Z')], object(), { expiresAt: '2020-01-01T00:00:00.000Z', ruleId: 'past' }],
    ['the earliest of several rules', [days('late', 30), days('early', 2), days('mid', 10)], object(), { expiresAt: '2026-01-18T00:00:00.000Z', ruleId: 'early' }],
    ['the first rule on a tie', [days('first', 2), date('second', '2026-01-18T00:00:00.000Z')], object(), { expiresAt: '2026-01-18T00:00:00.000Z', ruleId: 'first' }],
    ['no rule for a disabled one', [days('off', 1, { form: 'filter' }, 'Disabled')], object(), undefined],
    ['no rule when the prefix differs', [days('p', 1, { prefix: 'images/', form: 'filter' })], object(), undefined],
    ['the prefix rule that matches', [days('p', 1, { prefix: 'images/', form: 'filter' }), days('q', 5, { prefix: 'logs/', form: 'prefix' })], object(), { expiresAt: '2026-01-21T00:00:00.000Z', ruleId: 'q' }],
    ['no rule when a tag is missing', [days('t', 1, { tags: { keep: 'no' }, form: 'filter' })], object({ tags: { other: 'x' } }), undefined],
    ['no rule when a tag value differs', [days('t', 1, { tags: { keep: 'no' }, form: 'filter' })], object({ tags: { keep: 'yes' } }), undefined],
    ['a rule whose tags and prefix all match', [days('and', 1, { prefix: 'logs/', tags: { a: '1', b: '2' }, form: 'and' })], object({ tags: { a: '1', b: '2', c: '3' } }), { expiresAt: '2026-01-17T00:00:00.000Z', ruleId: 'and' }],
    ['no Days or Date rule: markers and uploads only', [{ id: 'm', status: 'Enabled', filter: { form: 'filter' }, expiration: { expiredObjectDeleteMarker: true }, abortIncompleteMultipartUpload: { daysAfterInitiation: 1 } }], object(), undefined],
    ['no rules', [], object(), undefined],
  ])('%s', (_name, rules, subject, expected) => {
    const result = expirationFor(subject, rules);
    expect(result && { expiresAt: result.expiresAt.toISOString(), ruleId: result.ruleId }).toEqual(expected);
  });

  it('does not take inherited properties for tags', () => {
    expect(filterMatches({ tags: { constructor: 'x' }, form: 'filter' }, { key: 'k', tags: {} })).toBe(false);
  });
});
