import { GatewayError } from '../errors';
import { RangeRequest, resolveRange } from './byte-range';

function failure(range: RangeRequest, size: number): GatewayError {
  try {
    resolveRange(range, size);
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error(`range ${JSON.stringify(range)} of ${size} bytes resolved`);
}

describe('resolveRange (RFC 9110 §14.1.2)', () => {
  it.each<[RangeRequest, number, { start: number; end: number }]>([
    [{ first: 0, last: 0 }, 10, { start: 0, end: 0 }],
    [{ first: 2, last: 5 }, 10, { start: 2, end: 5 }],
    [{ first: 0, last: 9 }, 10, { start: 0, end: 9 }],
    [{ first: 5, last: 1000 }, 10, { start: 5, end: 9 }], // last past the end is clamped
    [{ first: 9, last: 9 }, 10, { start: 9, end: 9 }],
    [{ first: 3 }, 10, { start: 3, end: 9 }], // open-ended
    [{ first: 0 }, 1, { start: 0, end: 0 }],
    [{ suffixLength: 3 }, 10, { start: 7, end: 9 }],
    [{ suffixLength: 10 }, 10, { start: 0, end: 9 }],
    [{ suffixLength: 500 }, 10, { start: 0, end: 9 }], // suffix longer than the object: all of it
    [{ suffixLength: 1 }, 1, { start: 0, end: 0 }],
  ])('%j of %i bytes -> %j', (range, size, expected) => {
    expect(resolveRange(range, size)).toEqual({ ...expected, size });
  });

  it.each<[RangeRequest, number]>([
    [{ first: 10 }, 10], // first == size
    [{ first: 10, last: 20 }, 10],
    [{ first: 11, last: 11 }, 10], // first > size
    [{ first: 0 }, 0], // any range on an empty object
    [{ first: 0, last: 0 }, 0],
    [{ suffixLength: 5 }, 0],
    [{ suffixLength: 0 }, 10], // "-0" selects nothing
  ])('%j of %i bytes is InvalidRange (416) with the object size', (range, size) => {
    const error = failure(range, size);
    expect(error.code).toBe('InvalidRange');
    expect(error.status).toBe(416);
    expect(error.details).toEqual({ ActualObjectSize: size });
  });
});
