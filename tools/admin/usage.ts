// The usage text, built from the command table so it cannot drift from what the parser accepts.
import type { Command } from './commands/command';

export const PROGRAM = 'npm run admin --';

const GROUP_TITLES: Record<string, string> = {
  account: 'Accounts',
  user: 'Users',
  credential: 'S3 credentials',
  apikey: 'Console API keys',
};

export function commandUsage(command: Command): string {
  const parts = [command.group, command.action, ...command.args.map((name) => `<${name}>`)];
  for (const [name, spec] of Object.entries(command.options ?? {})) parts.push(`[--${name} <${spec.value}>]`);
  return parts.join(' ');
}

export function usageText(commands: readonly Command[], onlyGroup?: string): string {
  const shown = commands.filter((c) => onlyGroup === undefined || c.group === onlyGroup);
  const lines = [`Usage: ${PROGRAM} <command> [--json]`, ''];
  if (onlyGroup === undefined) {
    lines.push(
      "Manages the gateway's accounts, users, S3 credentials and console API keys. It works on the",
      'embedded store in DATA_DIR (stop the gateway first: the store admits one process) or on the',
      'Postgres server named by DATABASE_URL (while the gateway runs).',
      '',
      '<account> is an account name or its 32-hex id; <user> is a user name within that account or',
      'its 32-hex id.',
      '',
    );
  }
  for (const group of new Set(shown.map((c) => c.group))) {
    lines.push(GROUP_TITLES[group] ?? group);
    // Summary under the command: the longest usage lines leave no room for a column beside them.
    for (const c of shown.filter((s) => s.group === group)) lines.push(`  ${commandUsage(c)}`, `      ${c.summary}`);
    lines.push('');
  }
  lines.push(
    'Options',
    '  --json       one JSON document on stdout; on failure, {"error": {"code", "message"}} on stderr',
    '  --help, -h   this text (`<group> --help` for one group)',
    '  --           ends the options: a following argument may start with "-"',
    '',
    'Exit status: 0 done, 1 refused or failed (the message says why), 2 bad command line.',
    '',
  );
  return lines.join('\n');
}
