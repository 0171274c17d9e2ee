import { isUploadId, newUploadId } from './upload-id';

describe('upload ids', () => {
  it('are 32 hex characters, unique, and sort in initiation order', () => {
    const earlier = newUploadId(new Date('2026-11-22T00:00:00.000Z'));
    const later = newUploadId(new Date('2026-11-22T00:00:00.001Z'));
    expect(earlier).toMatch(/^[0-9a-f]{32}$/);
    expect(isUploadId(earlier)).toBe(true);
    expect(earlier < later).toBe(true);
    const sameTime = new Date();
    expect(newUploadId(sameTime)).not.toBe(newUploadId(sameTime));
  });

  it('recognises only ids this gateway issues', () => {
    for (const value of ['', 'x'.repeat(32), 'A'.repeat(32), 'a'.repeat(31), `${'a'.repeat(31)}\u0000`]) expect(isUploadId(value)).toBe(false);
  });
});
