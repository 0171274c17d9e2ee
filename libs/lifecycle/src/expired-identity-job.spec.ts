import type { ExpiredIdentityCollector, IdentityCollection } from '@gw/core';
import { expiredIdentityJob } from './expired-identity-job';

/** A collector that answers the given batches in turn, then empty ones, and records its calls. */
function fakeCollector(batches: IdentityCollection[]) {
  const calls: unknown[] = [];
  const collector = {
    collect: async (options: unknown) => {
      calls.push(options);
      return batches.shift() ?? { tokens: 0, temporaryCredentials: 0 };
    },
  } as unknown as ExpiredIdentityCollector;
  return { collector, calls };
}

describe('expiredIdentityJob', () => {
  it('runs batches while they remove tokens (parents go after their children) or fill up, and sums them', async () => {
    const { collector, calls } = fakeCollector([
      { tokens: 10, temporaryCredentials: 10 },
      { tokens: 3, temporaryCredentials: 2 },
      { tokens: 0, temporaryCredentials: 1 },
      { tokens: 99, temporaryCredentials: 0 },
    ]);
    const job = expiredIdentityJob(collector, { intervalMs: 1000, batchSize: 10, graceMs: 5 });
    expect(job.name).toBe('expired-identity-cleanup');
    expect(await job.run()).toEqual({ tokens: 13, temporaryCredentials: 13 });
    expect(calls).toEqual([{ batchSize: 10, graceMs: 5 }, { batchSize: 10, graceMs: 5 }, { batchSize: 10, graceMs: 5 }]);
  });

  it('stops after maxBatches even when more is waiting', async () => {
    const full = { tokens: 10, temporaryCredentials: 10 };
    const { collector, calls } = fakeCollector([full, full, full, full]);
    const job = expiredIdentityJob(collector, { intervalMs: 1000, batchSize: 10, maxBatches: 2 });
    expect(await job.run()).toEqual({ tokens: 20, temporaryCredentials: 20 });
    expect(calls).toHaveLength(2);
  });
});
