// The operator CLI (`npm run admin -- <command>`) as a function: argv in, text out, exit code
// back. main.ts wires it to the process; the spec drives it in-process on a test database.
import { isGatewayError } from '@gw/core';
import { splitArgs, SplitArgs, UsageError } from './cli/args';
import { accountCommands } from './commands/accounts';
import { apiKeyCommands } from './commands/api-keys';
import type { AdminDeps, Command, CommandInput } from './commands/command';
import { credentialCommands } from './commands/credentials';
import { userCommands } from './commands/users';
import { commandUsage, PROGRAM, usageText } from './usage';

export type { AdminDeps } from './commands/command';

export const COMMANDS: readonly Command[] = [...accountCommands, ...userCommands, ...credentialCommands, ...apiKeyCommands];

export interface AdminOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/**
 * Runs one admin command. `deps` may be a function that opens the stores: it is called only
 * for a command that parsed, so `help` and typing mistakes never touch (or lock) the data dir.
 * GatewayErrors and usage errors become exit codes; anything else is a bug and is thrown.
 */
export async function runAdmin(argv: readonly string[], deps: AdminDeps | (() => Promise<AdminDeps>), out: AdminOutput): Promise<number> {
  const json = wantsJson(argv);
  try {
    const split = splitArgs(argv);
    const [group] = split.positionals;
    if (split.help || group === undefined || group === 'help') {
      const only = group === 'help' ? split.positionals[1] : group;
      out.stdout(helpOutput(json, COMMANDS.some((c) => c.group === only) ? only : undefined));
      return EXIT_OK;
    }
    const { command, input } = resolve(split);
    const result = await command.run(input, typeof deps === 'function' ? await deps() : deps);
    out.stdout(json ? `${JSON.stringify(result.json, null, 2)}\n` : result.text);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError) {
      if (json) out.stderr(errorJson('UsageError', error.message));
      else {
        const usage = error.usage ? `Usage: ${PROGRAM} ${error.usage}\n` : '';
        out.stderr(`${error.message}\n${usage}Run "${PROGRAM} help" for all commands.\n`);
      }
      return EXIT_USAGE;
    }
    if (isGatewayError(error)) {
      out.stderr(json ? errorJson(error.code, error.message) : `${error.code}: ${error.message}\n`);
      return EXIT_FAILED;
    }
    throw error;
  }
}

/** `--json` counts anywhere before a `--`, even when the rest of the line does not parse. */
function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json');
}

function errorJson(code: string, message: string): string {
  return `${JSON.stringify({ error: { code, message } })}\n`;
}

function helpOutput(json: boolean, group: string | undefined): string {
  if (!json) return usageText(COMMANDS, group);
  const commands = COMMANDS.filter((c) => group === undefined || c.group === group).map((c) => ({
    command: `${c.group} ${c.action}`,
    usage: commandUsage(c),
    summary: c.summary,
  }));
  return `${JSON.stringify({ usage: usageText(COMMANDS, group), commands }, null, 2)}\n`;
}

function resolve(split: SplitArgs): { command: Command; input: CommandInput } {
  const [group, action, ...args] = split.positionals;
  const inGroup = COMMANDS.filter((c) => c.group === group);
  if (inGroup.length === 0) throw new UsageError(`Unknown command "${group}".`);
  const actions = inGroup.map((c) => c.action).join(', ');
  if (action === undefined) throw new UsageError(`"${group}" needs one of: ${actions}.`);
  const command = inGroup.find((c) => c.action === action);
  if (!command) throw new UsageError(`Unknown command "${group} ${action}" (${group} has: ${actions}).`);

  const usage = commandUsage(command);
  if (args.length < command.args.length) {
    const missing = command.args.slice(args.length).map((name) => `<${name}>`);
    throw new UsageError(`"${group} ${action}" is missing ${missing.join(' ')}.`, usage);
  }
  if (args.length > command.args.length) {
    throw new UsageError(`"${group} ${action}" takes ${command.args.length} argument(s); unexpected "${args[command.args.length]}".`, usage);
  }
  const options: Record<string, string | undefined> = {};
  for (const [name, value] of split.options) {
    const spec = command.options?.[name];
    if (!spec) throw new UsageError(`"${group} ${action}" has no option --${name}.`, usage);
    if (spec.choices && !spec.choices.includes(value)) {
      throw new UsageError(`--${name} must be one of ${spec.choices.join(', ')} (got "${value}").`, usage);
    }
    options[name] = value;
  }
  return { command, input: { args, options } };
}
