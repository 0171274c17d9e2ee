import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Env } from './env-reader';
import { loadConfig } from './load-config';
import { describeSettings } from './settings';
import { renderSettingsMarkdown } from './settings-markdown';

describe('describeSettings', () => {
  const rows = describeSettings();

  it('is what SETTINGS.md shows (regenerate with `npm run settings-doc`)', () => {
    const document = readFileSync(path.join(__dirname, '..', 'SETTINGS.md'), 'utf8');
    expect(document).toBe(renderSettingsMarkdown(rows));
  });

  it('documents exactly the variables loadConfig reads', () => {
    const read = new Set<string>();
    const recording = new Proxy({} as Env, {
      get(_target, name) {
        if (typeof name === 'string') read.add(name);
        return undefined;
      },
    });
    loadConfig(recording);
    expect([...read].sort()).toEqual(rows.map((row) => row.name).sort());
  });

  it('shows the defaults loadConfig uses', () => {
    const literal = /^`([^`{}]+)`$/;
    const withLiteralDefault = rows.filter((row) => literal.test(row.default));
    expect(withLiteralDefault.length).toBeGreaterThan(10);
    for (const row of withLiteralDefault) {
      const value = literal.exec(row.default)![1];
      expect({ [row.name]: loadConfig({ [row.name]: value }) }).toEqual({ [row.name]: loadConfig({}) });
    }
  });

  it('escapes pipes so a description cannot break the table', () => {
    expect(renderSettingsMarkdown([{ name: 'X', default: '`a|b`', description: 'c | d' }])).toContain('| X | `a\\|b` | c \\| d |');
  });
});
