import type { SettingDescription } from './settings';

/** The SETTINGS.md document: a markdown table of `describeSettings()`, nothing written by hand. */
export function renderSettingsMarkdown(rows: readonly SettingDescription[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  return [
    '# Settings',
    '',
    'Environment variables read by `loadConfig()` (`libs/config`). Generated from `describeSettings()`:',
    'run `npm run settings-doc -w @gw/config` after changing a setting. An empty value counts as unset.',
    '',
    '| Name | Default | Description |',
    '| --- | --- | --- |',
    ...rows.map((row) => `| ${cell(row.name)} | ${cell(row.default)} | ${cell(row.description)} |`),
    '',
  ].join('\n');
}
