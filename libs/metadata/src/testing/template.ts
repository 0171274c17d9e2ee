// Where jest's global setup left the migrated template. The setup script is plain JavaScript
// (it runs before any transform) and shares this naming through test-setup/template.js.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const shared = require('../../test-setup/template.js') as {
  templateLocation(): TemplateLocation;
};

export type TemplateLocation =
  | { kind: 'pglite'; dir: string }
  | { kind: 'postgres'; serverUrl: string; databaseName: string };

export const templateLocation = (): TemplateLocation => shared.templateLocation();
