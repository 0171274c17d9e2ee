import { GatewayError } from '../errors';
import { assertValidVersionId, newVersionId, versionIdFor } from './version-id';

describe('version ids', () => {
  it('issues 32 URL-safe characters, different every time, that pass the check', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newVersionId()));
    expect(ids.size).toBe(200);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(() => assertValidVersionId(id)).not.toThrow();
    }
  });

  it('gives new ids while versioning is enabled, the null version otherwise', () => {
    expect(versionIdFor({ versioning: 'Enabled' })).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(versionIdFor({ versioning: 'Suspended' })).toBe('null');
    expect(versionIdFor({ versioning: 'Unversioned' })).toBe('null');
  });

  it.each([
    ['', 'Version id cannot be the empty string'],
    ['NULL', 'Invalid version id specified'],
    ['nonexistent-version-id-12345', 'Invalid version id specified'],
    [`${'a'.repeat(31)}.`, 'Invalid version id specified'],
    [`${'a'.repeat(31)}\u0000`, 'Invalid version id specified'],
    ['a'.repeat(33), 'Invalid version id specified'],
  ])('refuses %j: %s', (versionId, message) => {
    let error: unknown;
    try {
      assertValidVersionId(versionId, 'versionId');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GatewayError);
    expect({ code: (error as GatewayError).code, message: (error as GatewayError).message, details: (error as GatewayError).details }).toEqual({
      code: 'InvalidArgument',
      message,
      details: { ArgumentName: 'versionId', ArgumentValue: versionId },
    });
    expect(() => assertValidVersionId('null')).not.toThrow();
  });
});
