/**
 * Thrown by `loadConfig` when the environment is not usable. It carries every problem found,
 * not just the first, so an operator fixes a deployment in one round instead of one per restart.
 */
export class ConfigError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    const noun = problems.length === 1 ? 'problem' : 'problems';
    super(`Invalid configuration (${problems.length} ${noun}):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = [...problems];
  }
}
