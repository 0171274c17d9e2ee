import { randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from './passwords';
import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('round-trips and never shows the plaintext', () => {
    const sealed = box.seal('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'AKID');
    expect(sealed).not.toContain('wJalrXUtnFEMI');
    expect(box.open(sealed, 'AKID')).toBe('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    expect(box.seal('same', 'AKID')).not.toBe(box.seal('same', 'AKID'));
  });

  it('refuses a value moved to another row, tampered, or opened with another key', () => {
    const sealed = box.seal('secret', 'AKID');
    expect(() => box.open(sealed, 'OTHER')).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => box.open(parts.join('.'), 'AKID')).toThrow();
    expect(() => new SecretBox(randomBytes(32)).open(sealed, 'AKID')).toThrow();
  });
});

describe('passwords', () => {
  it('verifies the right password only', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash.startsWith('scrypt$')).toBe(true);
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
    expect(await verifyPassword('wrong', hash)).toBe(false);
    expect(await verifyPassword('anything', 'not-a-hash')).toBe(false);
  });
});
