// Regenerates SETTINGS.md from describeSettings(); a spec fails when the two disagree.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describeSettings } from '../src/settings';
import { renderSettingsMarkdown } from '../src/settings-markdown';

writeFileSync(path.join(__dirname, '..', 'SETTINGS.md'), renderSettingsMarkdown(describeSettings()));
