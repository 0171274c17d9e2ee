import pino, { DestinationStream, LevelWithSilent, Logger } from 'pino';

export type { Logger };

export interface LoggerOptions {
  level: LevelWithSilent;
  /** Process or app name, on every line. */
  name: string;
  /** Where lines go; stdout when omitted. Tests pass a stream to read the lines back. */
  destination?: DestinationStream;
}

/** JSON lines with ISO timestamps and level names, which log shippers read without a pino plugin. */
export function createLogger({ level, name, destination }: LoggerOptions): Logger {
  return pino(
    {
      name,
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}
