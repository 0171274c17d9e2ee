// Cleanup that runs exactly once, in reverse order of registration, whether the benchmark ends
// normally, throws, or is interrupted by a signal.
type Task = { name: string; run: () => Promise<void> };

export class Cleanup {
  private readonly tasks: Task[] = [];
  private running: Promise<void> | undefined;

  add(name: string, run: () => Promise<void>): void {
    this.tasks.push({ name, run });
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      for (const task of this.tasks.reverse()) {
        try {
          await task.run();
        } catch (error) {
          console.error(`cleanup: ${task.name} failed: ${(error as Error).message}`);
        }
      }
    })();
    return this.running;
  }

  /** On SIGINT/SIGTERM/SIGHUP: clean up, then exit with 128 + the signal number. */
  exitOnSignals(): void {
    const codes: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
    for (const [signal, number] of Object.entries(codes)) {
      process.once(signal, () => {
        console.error(`\n${signal}: cleaning up...`);
        void this.run().finally(() => process.exit(128 + number));
      });
    }
  }
}
