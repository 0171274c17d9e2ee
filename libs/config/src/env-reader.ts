// Reads named settings from an environment map and collects every problem instead of stopping
// at the first, so `loadConfig` can report them all at once.

export type Env = Readonly<Record<string, string | undefined>>;

export interface ReadOptions {
  /** Never echo the value in a problem (keys, passwords, URLs with credentials). */
  secret?: boolean;
}

const SIZE_UNITS: Record<string, number> = { '': 1, kib: 2 ** 10, mib: 2 ** 20, gib: 2 ** 30, tib: 2 ** 40 };

export class EnvReader {
  private readonly found: string[] = [];

  constructor(private readonly env: Env) {}

  get problems(): readonly string[] {
    return this.found;
  }

  problem(message: string): void {
    this.found.push(message);
  }

  /** The raw value. Empty counts as unset: compose files and shells write `NAME=` to mean "not set". */
  raw(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value === '' ? undefined : value;
  }

  /** The value when it passes `valid`; otherwise records "NAME must be {rule} (got ...)". */
  check(name: string, rule: string, valid: (value: string) => boolean, options: ReadOptions = {}): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (valid(value)) return value;
    this.invalid(name, rule, value, options);
    return undefined;
  }

  invalid(name: string, rule: string, value: string, options: ReadOptions = {}): void {
    this.problem(`${name} must be ${rule} (got ${options.secret ? `${value.length} characters` : quote(value)})`);
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.check(name, `an integer ${min}..${max}`, (v) => {
      if (!/^\d+$/.test(v)) return false;
      const n = Number(v);
      return n >= min && n <= max;
    });
    return value === undefined ? fallback : Number(value);
  }

  /** Bytes, optionally with a binary unit (`5GiB`). Decimal units (`5GB`) are refused as ambiguous. */
  size(name: string, fallback: number): number {
    let bytes = fallback;
    this.check(name, 'a size in bytes, optionally with a KiB, MiB, GiB or TiB suffix', (v) => {
      const match = /^(\d+)(kib|mib|gib|tib)?$/i.exec(v);
      if (!match) return false;
      const n = Number(match[1]) * SIZE_UNITS[(match[2] ?? '').toLowerCase()];
      if (n < 1 || !Number.isSafeInteger(n)) return false;
      bytes = n;
      return true;
    });
    return bytes;
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.check(name, "'true', 'false', '1' or '0'", (v) => ['true', 'false', '1', '0'].includes(v));
    return value === undefined ? fallback : value === 'true' || value === '1';
  }

  oneOf<T extends string>(name: string, fallback: T, allowed: readonly T[]): T {
    const value = this.check(name, `one of ${allowed.join(', ')}`, (v) => (allowed as readonly string[]).includes(v));
    return value === undefined ? fallback : (value as T);
  }
}

function quote(value: string): string {
  const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;
  return `'${shown}'`;
}
