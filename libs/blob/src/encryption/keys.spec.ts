import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MasterKeyWrapper } from './key-wrapper';
import { loadOrCreateMasterKey } from './master-key';

describe('MasterKeyWrapper (AES-256 key wrap)', () => {
  const wrapper = new MasterKeyWrapper(randomBytes(32));

  it('round-trips a data key and never shows it', () => {
    const dataKey = randomBytes(32);
    const wrapped = wrapper.wrap(dataKey);
    expect(wrapped).toMatch(/^kw1\.[A-Za-z0-9+/]{54}==$/);
    expect(wrapped).not.toContain(dataKey.toString('base64'));
    expect(wrapper.unwrap(wrapped).equals(dataKey)).toBe(true);
  });

  it('refuses a key wrapped by another master key, a tampered one and unknown formats', () => {
    const wrapped = wrapper.wrap(randomBytes(32));
    expect(() => new MasterKeyWrapper(randomBytes(32)).unwrap(wrapped)).toThrow('does not unwrap');
    const bytes = Buffer.from(wrapped.slice(4), 'base64');
    bytes[10] ^= 1;
    expect(() => wrapper.unwrap(`kw1.${bytes.toString('base64')}`)).toThrow('does not unwrap');
    for (const bad of ['', 'kw2.AAAA', wrapped.slice(4), `${wrapped}.x`]) expect(() => wrapper.unwrap(bad)).toThrow();
  });

  it('takes 32-byte keys only', () => {
    expect(() => new MasterKeyWrapper(randomBytes(16))).toThrow();
    expect(() => wrapper.wrap(randomBytes(16))).toThrow();
  });
});

describe('master key', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'gw-mk-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is generated once into a private file and read back', () => {
    const file = path.join(dir, 'master.key');
    const first = loadOrCreateMasterKey({ file });
    expect(first).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadOrCreateMasterKey({ file })).toEqual(first);
    const given = randomBytes(32);
    expect(loadOrCreateMasterKey({ key: given, file })).toBe(given);
  });

  it('refuses a key file that is not 64 hex characters', () => {
    const file = path.join(dir, 'master.key');
    writeFileSync(file, 'not a key\n');
    expect(() => loadOrCreateMasterKey({ file })).toThrow('64 hex characters');
  });
});
