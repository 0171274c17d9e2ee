import { assertMetaChanges } from './meta-changes';

describe('assertMetaChanges', () => {
  it('accepts what Swift accepts', () => {
    expect(() => assertMetaChanges({ set: { color: 'blue', n: 'x'.repeat(256) }, remove: ['old'] })).not.toThrow();
  });

  it.each([
    [{ ['x'.repeat(129)]: 'v' }, 'MetadataTooLarge'],
    [{ name: 'x'.repeat(257) }, 'MetadataTooLarge'],
    [Object.fromEntries(Array.from({ length: 91 }, (_, i) => [`k${i}`, 'v'])), 'MetadataTooLarge'],
    [Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, 'v'.repeat(250)])), 'MetadataTooLarge'],
    [{ '': 'v' }, 'InvalidArgument'],
  ])('refuses %#', (set, code) => {
    expect(() => assertMetaChanges({ set, remove: [] })).toThrow(expect.objectContaining({ code }));
  });
});
