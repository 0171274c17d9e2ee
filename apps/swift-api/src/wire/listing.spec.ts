import { listingFormat, listingLimit } from './listing';

describe('listing parameters', () => {
  it('takes the format from ?format=, else from Accept, else plain', () => {
    expect(listingFormat(new URLSearchParams('format=json'), undefined)).toBe('json');
    expect(listingFormat(new URLSearchParams('format=XML'), 'application/json')).toBe('xml');
    expect(listingFormat(new URLSearchParams(''), 'application/json')).toBe('json');
    expect(listingFormat(new URLSearchParams('format=bogus'), undefined)).toBe('plain');
  });

  it('defaults the limit to the maximum and refuses more (412) or junk (400)', () => {
    expect(listingLimit(new URLSearchParams(''), 1000)).toBe(1000);
    expect(listingLimit(new URLSearchParams('limit=3'), 1000)).toBe(3);
    expect(() => listingLimit(new URLSearchParams('limit=1001'), 1000)).toThrow(expect.objectContaining({ code: 'PreconditionFailed' }));
    expect(() => listingLimit(new URLSearchParams('limit=-1'), 1000)).toThrow(expect.objectContaining({ code: 'BadRequest' }));
  });
});
