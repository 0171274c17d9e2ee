import { GatewayError } from '../errors';
import { checkReadConditions, ReadConditions } from './conditions';

const ETAG = '5eb63bbbe01eeed093cb22bb8f5acdc3';
const MODIFIED = new Date('2024-05-01T12:00:00.750Z'); // sub-second part that HTTP dates cannot carry
const at = (iso: string) => new Date(iso);
const SAME_SECOND = at('2024-05-01T12:00:00.000Z'); // what a client echoes from Last-Modified
const EARLIER = at('2024-05-01T11:59:59.000Z');
const LATER = at('2024-05-01T12:00:01.000Z');

/** 'ok', or the catalogue code the read ends with. */
function outcome(c: ReadConditions): string {
  try {
    checkReadConditions(ETAG, MODIFIED, c);
    return 'ok';
  } catch (error) {
    if (error instanceof GatewayError) return error.code;
    throw error;
  }
}

describe('checkReadConditions (RFC 9110 §13.2.2)', () => {
  it('passes without conditions', () => {
    expect(outcome({})).toBe('ok');
  });

  it('If-Match: strong match of any listed etag, or "*"', () => {
    expect(outcome({ ifMatch: [ETAG] })).toBe('ok');
    expect(outcome({ ifMatch: ['other', ETAG] })).toBe('ok');
    expect(outcome({ ifMatch: ['*'] })).toBe('ok');
    expect(outcome({ ifMatch: ['other'] })).toBe('PreconditionFailed');
  });

  it('If-Unmodified-Since: 412 only when modified after the date, compared at whole seconds', () => {
    expect(outcome({ ifUnmodifiedSince: SAME_SECOND })).toBe('ok');
    expect(outcome({ ifUnmodifiedSince: LATER })).toBe('ok');
    expect(outcome({ ifUnmodifiedSince: EARLIER })).toBe('PreconditionFailed');
  });

  it('If-Match takes precedence over If-Unmodified-Since', () => {
    expect(outcome({ ifMatch: [ETAG], ifUnmodifiedSince: EARLIER })).toBe('ok');
    expect(outcome({ ifMatch: ['other'], ifUnmodifiedSince: LATER })).toBe('PreconditionFailed');
  });

  it('If-None-Match: 304 when any listed etag or "*" matches', () => {
    expect(outcome({ ifNoneMatch: [ETAG] })).toBe('NotModified');
    expect(outcome({ ifNoneMatch: ['a', ETAG] })).toBe('NotModified');
    expect(outcome({ ifNoneMatch: ['*'] })).toBe('NotModified');
    expect(outcome({ ifNoneMatch: ['other'] })).toBe('ok');
  });

  it('If-Modified-Since: 304 unless modified after the date, compared at whole seconds', () => {
    expect(outcome({ ifModifiedSince: SAME_SECOND })).toBe('NotModified'); // Last-Modified echoed back
    expect(outcome({ ifModifiedSince: LATER })).toBe('NotModified');
    expect(outcome({ ifModifiedSince: EARLIER })).toBe('ok');
  });

  it('If-None-Match takes precedence over If-Modified-Since', () => {
    expect(outcome({ ifNoneMatch: ['other'], ifModifiedSince: LATER })).toBe('ok');
    expect(outcome({ ifNoneMatch: [ETAG], ifModifiedSince: EARLIER })).toBe('NotModified');
  });

  it('evaluates the 412 conditions before the 304 ones', () => {
    expect(outcome({ ifMatch: ['other'], ifNoneMatch: [ETAG] })).toBe('PreconditionFailed');
    expect(outcome({ ifUnmodifiedSince: EARLIER, ifModifiedSince: LATER })).toBe('PreconditionFailed');
    expect(outcome({ ifMatch: [ETAG], ifNoneMatch: [ETAG] })).toBe('NotModified');
  });

  it('throws errors with the catalogue statuses', () => {
    const status = (c: ReadConditions) => {
      try {
        checkReadConditions(ETAG, MODIFIED, c);
      } catch (error) {
        return (error as GatewayError).status;
      }
      return 200;
    };
    expect(status({ ifMatch: ['x'] })).toBe(412);
    expect(status({ ifNoneMatch: [ETAG] })).toBe(304);
  });
});
