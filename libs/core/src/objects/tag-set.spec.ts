import { GatewayError } from '../errors';
import { tagSetFrom } from './tag-set';

const refusal = (entries: [string, string][]) => {
  try {
    tagSetFrom(entries);
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError);
    const { code, message, details } = error as GatewayError;
    return { code, message, details };
  }
  throw new Error(`accepted ${JSON.stringify(entries)}`);
};

describe('tagSetFrom', () => {
  it('accepts S3 limits exactly: 10 tags, keys of 128 and values of 256 characters, empty values, the whole alphabet', () => {
    const ten: [string, string][] = Array.from({ length: 7 }, (_, i) => [`key-${i}`, `value-${i}`]);
    ten.push(['b c+d-e=f.g_h:i/j@k', '2 + 2 = 4'], ['empty', ''], ['\u{1D49C}'.repeat(64), '\u6587'.repeat(256)]);
    expect(tagSetFrom(ten)).toEqual(Object.fromEntries(ten));
    expect(tagSetFrom([['\ud55c\uae00', '\u00fc\u00e9\u0663']])).toEqual({ '\ud55c\uae00': '\u00fc\u00e9\u0663' });
    expect(tagSetFrom([])).toEqual({});
  });

  it('keeps a tag named __proto__ as a tag', () => {
    const tags = tagSetFrom([['__proto__', 'x']]);
    expect(Object.keys(tags)).toEqual(['__proto__']);
    expect(JSON.parse(JSON.stringify(tags))).toEqual(tags);
  });

  it('refuses 11 tags with BadRequest', () => {
    const eleven: [string, string][] = Array.from({ length: 11 }, (_, i) => [`k${i}`, '']);
    expect(refusal(eleven)).toEqual({ code: 'BadRequest', message: 'Object tags cannot be greater than 10', details: {} });
  });

  it.each([
    ['', 'an empty key'],
    ['k'.repeat(129), 'a key of 129 characters'],
    ['\u{1D49C}'.repeat(65), 'a key of 130 UTF-16 units'],
    ...['a,b', 'a;b', 'a?b', 'a!b', 'a*b', 'a#b', 'a%b', 'a(b)', 'a\tb', '\u{1F600}'].map((key) => [key, `the key ${JSON.stringify(key)}`]),
  ])('refuses %j (%s) with InvalidTag', (key) => {
    expect(refusal([[key, 'v']])).toEqual({ code: 'InvalidTag', message: 'The TagKey you have provided is invalid', details: { TagKey: key } });
  });

  it.each(['v'.repeat(257), 'a,b', 'a\nb', '\u{1F600}'])('refuses the value %j with InvalidTag', (value) => {
    expect(refusal([['k', value]])).toEqual({
      code: 'InvalidTag',
      message: 'The TagValue you have provided is invalid',
      details: { TagKey: 'k', TagValue: value },
    });
  });

  it('refuses aws: keys and repeated keys with InvalidTag', () => {
    for (const key of ['aws:cost', 'AWS:cost']) {
      expect(refusal([[key, 'v']])).toEqual({ code: 'InvalidTag', message: 'System tags cannot be added/updated by requester', details: { TagKey: key } });
    }
    expect(refusal([['a', '1'], ['a', '2']])).toEqual({ code: 'InvalidTag', message: 'Cannot provide multiple Tags with the same key', details: { TagKey: 'a' } });
  });
});
