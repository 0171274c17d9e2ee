import { JobRunner, WorkerJob } from './job-runner';

const quietLogger = () => ({ info: jest.fn(), error: jest.fn() });

describe('JobRunner', () => {
  it('runs each job repeatedly without overlapping itself', async () => {
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    const job: WorkerJob = {
      name: 'slow',
      intervalMs: 1,
      run: async () => {
        active++;
        maxActive = Math.max(maxActive, active);
        await new Promise((r) => setTimeout(r, 5));
        active--;
        runs++;
      },
    };
    const runner = new JobRunner([job], quietLogger());
    runner.start();
    await new Promise((r) => setTimeout(r, 60));
    await runner.stop();
    expect(runs).toBeGreaterThan(2);
    expect(maxActive).toBe(1);
    const after = runs;
    await new Promise((r) => setTimeout(r, 20));
    expect(runs).toBe(after);
  });

  it('logs a failing run and keeps going', async () => {
    const logger = quietLogger();
    let calls = 0;
    const runner = new JobRunner([{ name: 'flaky', intervalMs: 1, run: async () => { calls++; throw new Error('disk on fire'); } }], logger);
    runner.start();
    await new Promise((r) => setTimeout(r, 30));
    await runner.stop();
    expect(calls).toBeGreaterThan(1);
    expect(logger.error).toHaveBeenCalledWith(expect.objectContaining({ job: 'flaky' }), 'job failed');
  });

  it('logs results that did something', async () => {
    const logger = quietLogger();
    const runner = new JobRunner([
      { name: 'idle', intervalMs: 1000, run: async () => ({ unlinked: 0 }) },
      { name: 'busy', intervalMs: 1000, run: async () => ({ unlinked: 3 }) },
    ], logger);
    await runner.runAllOnce();
    expect(logger.info).toHaveBeenCalledTimes(1);
    expect(logger.info).toHaveBeenCalledWith(expect.objectContaining({ job: 'busy', unlinked: 3 }), 'job done');
  });
});
