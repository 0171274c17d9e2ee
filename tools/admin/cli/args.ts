// The admin CLI's argument grammar: `<group> <action> <positional...> [--option value]...`, with
// the global flags `--json` and `--help`/`-h` accepted anywhere. Every other option takes a value
// (`--role admin` or `--role=admin`), so the words can be split before the command is known.
// `--` ends the options: what follows is positional even when it starts with a dash.

/** Bad command-line input: the CLI prints it with a pointer to the usage and exits 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The usage line of the command the user was trying to run, when it is known. */
    readonly usage?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface SplitArgs {
  json: boolean;
  help: boolean;
  positionals: string[];
  options: Map<string, string>;
}

export function splitArgs(argv: readonly string[]): SplitArgs {
  const result: SplitArgs = { json: false, help: false, positionals: [], options: new Map() };
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (onlyPositionals || word === '-' || !word.startsWith('-')) {
      result.positionals.push(word);
    } else if (word === '--') {
      onlyPositionals = true;
    } else if (word === '--json') {
      result.json = true;
    } else if (word === '--help' || word === '-h') {
      result.help = true;
    } else if (word.startsWith('--')) {
      const eq = word.indexOf('=');
      const name = eq === -1 ? word.slice(2) : word.slice(2, eq);
      let value: string;
      if (eq !== -1) {
        value = word.slice(eq + 1);
      } else {
        const next = argv[i + 1];
        if (next === undefined || next.startsWith('--')) throw new UsageError(`Option --${name} needs a value.`);
        value = next;
        i++;
      }
      if (name === '') throw new UsageError(`Malformed option "${word}".`);
      if (result.options.has(name)) throw new UsageError(`Option --${name} is given twice.`);
      result.options.set(name, value);
    } else {
      throw new UsageError(`Unknown option "${word}" (use "--" before a value that starts with "-").`);
    }
  }
  return result;
}
