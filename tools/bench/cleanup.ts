// Cleanup that runs exactly once, in reverse order of registration, whether the benchmark ends
// normally, throws, or is interrupted by a signal.
import { setMaxListeners } from 'node:events';
type Task = { name: string; run: () => Promise<void> };

export class Cleanup {
  /** Aborted on a signal, before the cleanup runs: requests in flight stop, no new ones start. */
  readonly abort = new AbortController();
  private readonly tasks: Task[] = [];

  constructor() {
    // Every request in flight listens to the signal (16+ at once); they remove themselves when done.
    setMaxListeners(0, this.abort.signal);
  }
  private running: Promise<void> | undefined;

  add(name: string, run: () => Promise<void>): void {
    this.tasks.push({ name, run });
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      for (const task of [...this.tasks].reverse()) {
        try {
          await task.run();
        } catch (error) {
          console.error(`cleanup: ${task.name} failed: ${(error as Error).message}`);
        }
      }
    })();
    return this.running;
  }

  /** On SIGINT/SIGTERM/SIGHUP: clean up, then exit with 128 + the signal number. Same on a stray exception, exit 1. */
  installExitHandlers(): void {
    for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
      process.once(event, (error: unknown) => {
        console.error(`[bench] ${event}:`, error);
        void this.run().finally(() => process.exit(1));
      });
    }
    const codes: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
    for (const [signal, number] of Object.entries(codes)) {
      process.once(signal, () => {
        console.error(`\n${signal}: cleaning up...`);
        this.abort.abort(new Error(`interrupted by ${signal}`));
        void this.run().finally(() => process.exit(128 + number));
      });
    }
  }
}
