import type { ErrorCode } from '../errors';
import type { LifecycleConfiguration, LifecycleRule } from './lifecycle-rule';
import { normalizeLifecycle } from './validate-lifecycle';

const rule = (overrides: Partial<LifecycleRule> = {}): LifecycleRule => ({
  id: 'r1',
  status: 'Enabled',
  filter: { prefix: 'logs/', form: 'filter' },
  expiration: { days: 30 },
  ...overrides,
});

describe('normalizeLifecycle', () => {
  it.each<[string, LifecycleConfiguration, ErrorCode, string | RegExp]>([
    ['no rules', { rules: [] }, 'MalformedXML', /XML/],
    ['1001 rules', { rules: Array.from({ length: 1001 }, (_, i) => rule({ id: `r${i}` })) }, 'InvalidArgument', 'Rules number should not exceed allowed limit of 1000'],
    ['an ID of 256 characters', { rules: [rule({ id: 'x'.repeat(256) })] }, 'InvalidArgument', 'ID length should not exceed allowed limit of 255'],
    ['two rules with one ID', { rules: [rule(), rule({ filter: { prefix: 'b/', form: 'filter' } })] }, 'InvalidArgument', 'Rule ID must be unique. Found same ID for more than one rule'],
    ['a status S3 does not have', { rules: [rule({ status: 'enabled' as 'Enabled' })] }, 'MalformedXML', /XML/],
    ['a rule with no action', { rules: [rule({ expiration: undefined })] }, 'InvalidRequest', 'At least one action needs to be specified in a rule'],
    ['Days 0', { rules: [rule({ expiration: { days: 0 } })] }, 'InvalidArgument', "'Days' for Expiration action must be a positive integer"],
    ['Days -3', { rules: [rule({ expiration: { days: -3 } })] }, 'InvalidArgument', "'Days' for Expiration action must be a positive integer"],
    ['Days 1.5', { rules: [rule({ expiration: { days: 1.5 } })] }, 'InvalidArgument', "'Days' for Expiration action must be a positive integer"],
    ['a Date not at midnight', { rules: [rule({ expiration: { date: '2030-01-01T12:00:00Z' } })] }, 'InvalidArgument', "'Date' must be at midnight GMT"],
    ['a Date at midnight of another zone', { rules: [rule({ expiration: { date: '2030-01-01T00:00:00+09:00' } })] }, 'InvalidArgument', "'Date' must be at midnight GMT"],
    ['a Date that is no date', { rules: [rule({ expiration: { date: 'tomorrow' } })] }, 'MalformedXML', /XML/],
    ['Days and Date together', { rules: [rule({ expiration: { days: 1, date: '2030-01-01T00:00:00Z' } })] }, 'MalformedXML', /XML/],
    ['an empty Expiration', { rules: [rule({ expiration: {} })] }, 'MalformedXML', /XML/],
    ['ExpiredObjectDeleteMarker with a tag filter', { rules: [rule({ filter: { tags: { a: 'b' }, form: 'filter' }, expiration: { expiredObjectDeleteMarker: true } })] }, 'InvalidRequest', 'ExpiredObjectDeleteMarker cannot be specified with Tags.'],
    ['NoncurrentDays 0', { rules: [rule({ expiration: undefined, noncurrentVersionExpiration: { noncurrentDays: 0 } })] }, 'InvalidArgument', "'NoncurrentDays' for NoncurrentVersionExpiration action must be a positive integer"],
    ['NewerNoncurrentVersions 101', { rules: [rule({ noncurrentVersionExpiration: { noncurrentDays: 1, newerNoncurrentVersions: 101 } })] }, 'InvalidArgument', /NewerNoncurrentVersions/],
    ['DaysAfterInitiation 0', { rules: [rule({ abortIncompleteMultipartUpload: { daysAfterInitiation: 0 } })] }, 'InvalidArgument', "'DaysAfterInitiation' for AbortIncompleteMultipartUpload action must be a positive integer"],
    ['an upload abort with a tag filter', { rules: [rule({ filter: { prefix: 'a', tags: { k: 'v' }, form: 'and' }, abortIncompleteMultipartUpload: { daysAfterInitiation: 1 } })] }, 'InvalidRequest', 'AbortIncompleteMultipartUpload cannot be specified with Tags.'],
    ['a tag key S3 refuses', { rules: [rule({ filter: { tags: { 'aws:x': 'v' }, form: 'filter' } })] }, 'InvalidTag', /System tags/],
    ['a prefix longer than any key', { rules: [rule({ filter: { prefix: 'p'.repeat(1025), form: 'prefix' } })] }, 'InvalidArgument', /1024 bytes/],
  ])('refuses %s', (_name, configuration, code, message) => {
    expect(() => normalizeLifecycle(configuration)).toThrow(expect.objectContaining({ code, message: typeof message === 'string' ? message : expect.stringMatching(message) }));
  });

  it('keeps valid rules in order and writes dates in one form', () => {
    const rules: LifecycleRule[] = [
      rule({ id: 'days', filter: { prefix: 'a/', form: 'prefix' }, expiration: { days: 1 } }),
      rule({ id: 'date', filter: { form: 'filter' }, expiration: { date: '2030-06-10' } }),
      rule({ id: 'zoned', filter: { form: 'filter' }, expiration: { date: '2030-06-10T09:00:00+09:00' } }),
      rule({
        id: 'all-actions',
        status: 'Disabled',
        filter: { prefix: 'b/', tags: { k: 'v', k2: 'v2' }, form: 'and' },
        expiration: { days: 7 },
        noncurrentVersionExpiration: { noncurrentDays: 3, newerNoncurrentVersions: 2 },
      }),
      rule({ id: 'markers', filter: { prefix: '', form: 'filter' }, expiration: { expiredObjectDeleteMarker: true }, abortIncompleteMultipartUpload: { daysAfterInitiation: 2 } }),
    ];
    const normalized = normalizeLifecycle({ rules });
    expect(normalized.rules.map((r) => r.id)).toEqual(['days', 'date', 'zoned', 'all-actions', 'markers']);
    expect(normalized.rules[1].expiration).toEqual({ date: '2030-06-10T00:00:00.000Z' });
    expect(normalized.rules[2].expiration).toEqual({ date: '2030-06-10T00:00:00.000Z' });
    expect(normalized.rules[3]).toEqual(rules[3]);
    expect(normalized.rules[4]).toEqual(rules[4]);
  });

  it('names rules without an ID, differently each time', () => {
    const { rules } = normalizeLifecycle({ rules: [rule({ id: '' }), rule({ id: '', filter: { prefix: 'x', form: 'prefix' } })] });
    expect(rules[0].id).toMatch(/^[A-Za-z0-9+/=]{1,255}$/);
    expect(rules[0].id).not.toBe(rules[1].id);
  });

  it('accepts exactly 1000 rules and an ID of 255 characters', () => {
    expect(normalizeLifecycle({ rules: Array.from({ length: 1000 }, (_, i) => rule({ id: `r${i}` })) }).rules).toHaveLength(1000);
    expect(normalizeLifecycle({ rules: [rule({ id: 'x'.repeat(255) })] }).rules[0].id).toHaveLength(255);
  });
});
