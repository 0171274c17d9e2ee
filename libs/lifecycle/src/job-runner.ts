/** A periodic background job of the worker. */
export interface WorkerJob {
  name: string;
  intervalMs: number;
  run(): Promise<Record<string, unknown> | void>;
}

export interface JobLogger {
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/**
 * Runs jobs on their intervals. A job never overlaps itself: the next run is scheduled when
 * the previous one ends. A failing run is logged and retried at the next interval. `stop`
 * waits for runs in progress, so a process can shut down without cutting a job in half.
 */
export class JobRunner {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private stopped = true;

  constructor(
    private readonly jobs: WorkerJob[],
    private readonly logger: JobLogger,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    for (const job of this.jobs) this.schedule(job, 0);
  }

  /** Runs every job once now, in order (used at start-up and by tests). */
  async runAllOnce(): Promise<void> {
    for (const job of this.jobs) await this.runJob(job);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.all(this.running);
  }

  private schedule(job: WorkerJob, delayMs: number): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      const run = this.runJob(job).finally(() => {
        this.running.delete(run);
        this.schedule(job, job.intervalMs);
      });
      this.running.add(run);
    }, delayMs);
    timer.unref();
    this.timers.set(job.name, timer);
  }

  private async runJob(job: WorkerJob): Promise<void> {
    const started = Date.now();
    try {
      const result = await job.run();
      if (result && Object.values(result).some((v) => v !== 0)) {
        this.logger.info({ job: job.name, durationMs: Date.now() - started, ...result }, 'job done');
      }
    } catch (error) {
      this.logger.error({ job: job.name, err: error }, 'job failed');
    }
  }
}
