import { ERROR_CATALOGUE } from '@gw/core';
import { errorStatusMap, TOKEN_AUTH_FAILURES } from './error-status';

describe('errorStatusMap', () => {
  const map = errorStatusMap({ ...TOKEN_AUTH_FAILURES, BadDigest: 422 });

  it('maps every catalogue code', () => expect(Object.keys(map).sort()).toEqual(Object.keys(ERROR_CATALOGUE).sort()));
  it('takes the catalogue status by default', () => expect(map.NoSuchKey).toBe(404));
  it('applies the overrides', () => {
    expect(map.BadDigest).toBe(422);
    expect(map.InvalidToken).toBe(401);
    expect(ERROR_CATALOGUE.InvalidToken.status).toBe(400);
  });
});
