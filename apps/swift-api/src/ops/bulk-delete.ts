// Swift bulk delete (POST or DELETE /v1/{account}?bulk-delete; swift/common/middleware/bulk.py):
// a newline-separated list of URL-encoded `/container/object` or `/container`; every entry
// authorized through the decision point; objects deleted a container at a time in batches,
// then the containers named (deleted when empty). Always 200 with the report per Accept.
import { BulkDeleteOutcome, BulkDeleteTarget, GatewayError, isGatewayError, MAX_BULK_DELETES, MAX_BULK_PATH_LENGTH, parseBulkDeleteBody, summarizeBulkDelete } from '@gw/core';
import { authorizeTarget, decideOnTarget, loadTarget } from '../routing/authorize-target';
import type { SwiftCall, SwiftOperation } from '../routing/swift-operation';
import { readBoundedBody } from '../wire/bounded-body';
import { BulkKeepAlive } from '../wire/bulk-keep-alive';
import { failedReport, sendBulkReport, statusLine } from '../wire/bulk-report';
import { MAX_FAILED_BULK_DELETES as MAX_FAILED_DELETES } from '../wire/limits';

/** Objects per DeleteObjects transaction. */
const BATCH = 1000;
/** Every allowed line at its longest (twice max_path_length, as bulk.py allows), with its newline: more is refused unread. */
const MAX_BODY_BYTES = MAX_BULK_DELETES * (2 * MAX_BULK_PATH_LENGTH + 2);

export const bulkDelete: SwiftOperation = {
  name: 'BulkDelete',
  action: 'storage.objects.delete',
  needsBucket: false,
  async run(call) {
    const tooLarge = () => new GatewayError('EntityTooLarge', `Maximum Bulk Deletes: ${MAX_BULK_DELETES} per request`);
    const body = await readBoundedBody(call.req, MAX_BODY_BYTES, tooLarge);
    const targets = parseBulkDeleteBody(body.toString('utf8'));
    const keepAlive = new BulkKeepAlive(call.res);
    const outcomes: BulkDeleteOutcome[] = [];
    try {
      await deleteTargets(call, targets, outcomes, keepAlive);
    } catch (error) {
      // Once kept alive the status line is out: the failure goes into the report, as bulk.py does.
      if (!keepAlive.started || !isGatewayError(error)) throw error;
      return sendBulkReport(call.req, call.res, failedReport(error, outcomes.filter((o) => o.result === 'deleted').length));
    }
    const report = summarizeBulkDelete(outcomes);
    if (outcomes.filter((o) => o.result === 'failed').length > MAX_FAILED_DELETES) report.responseBody = 'Max delete failures exceeded';
    sendBulkReport(call.req, call.res, report);
  },
};

/** Deletes the targets, appending to `outcomes` as it goes and beating `keepAlive` between batches. */
async function deleteTargets(call: SwiftCall, targets: BulkDeleteTarget[], outcomes: BulkDeleteOutcome[], keepAlive: BulkKeepAlive): Promise<void> {
  const failures = () => outcomes.filter((o) => o.result === 'failed').length;
  const byContainer = new Map<string, BulkDeleteTarget[]>();
  for (const target of targets.filter((t) => t.object !== undefined)) byContainer.set(target.container, [...(byContainer.get(target.container) ?? []), target]);
  for (const [container, entries] of byContainer) {
    if (failures() > MAX_FAILED_DELETES) return;
    outcomes.push(...(await deleteObjectsOf(call, container, entries, keepAlive)));
  }
  // Containers after the objects, so a list that empties a container can also remove it.
  for (const target of targets.filter((t) => t.object === undefined)) {
    if (failures() > MAX_FAILED_DELETES) return;
    outcomes.push(await deleteContainer(call, target));
    keepAlive.beat();
  }
}

async function deleteObjectsOf(call: SwiftCall, container: string, entries: BulkDeleteTarget[], keepAlive: BulkKeepAlive): Promise<BulkDeleteOutcome[]> {
  const action = 'storage.objects.delete';
  const access = await loadTarget(call, { account: call.account, container }, action);
  const outcomes: BulkDeleteOutcome[] = [];
  const allowed: BulkDeleteTarget[] = [];
  for (const entry of entries) {
    try {
      decideOnTarget(call, { account: call.account, container, key: entry.object }, access, action);
      allowed.push(entry);
    } catch (error) {
      outcomes.push(outcomeOf(entry, error));
    }
  }
  if (!access || allowed.length === 0) return outcomes;
  const deleter = call.principal.kind === 'user' ? call.principal.userId : undefined;
  for (let i = 0; i < allowed.length; i += BATCH) {
    const batch = allowed.slice(i, i + BATCH);
    const results = await call.services.storage.objects.deleteMany(access.bucket, batch.map((e) => e.object!), { ownerUserId: deleter });
    results.forEach((result, n) => {
      const name = batch[n].name;
      if ('error' in result) outcomes.push(outcomeOf(batch[n], result.error));
      else outcomes.push({ name, result: result.existed ? 'deleted' : 'notFound' });
    });
    keepAlive.beat();
  }
  return outcomes;
}

async function deleteContainer(call: SwiftCall, target: BulkDeleteTarget): Promise<BulkDeleteOutcome> {
  try {
    await authorizeTarget(call, { account: call.account, container: target.container }, 'storage.buckets.delete');
    await call.services.storage.buckets.delete(call.account.id, target.container);
    return { name: target.name, result: 'deleted' };
  } catch (error) {
    return outcomeOf(target, error);
  }
}

/** A missing container or object counts as Not Found; any other refusal or failure is an error line. */
function outcomeOf(target: BulkDeleteTarget, error: unknown): BulkDeleteOutcome {
  if (!isGatewayError(error)) throw error;
  if (error.code === 'NoSuchBucket' || error.code === 'NoSuchKey') return { name: target.name, result: 'notFound' };
  return { name: target.name, result: 'failed', status: statusLine(error) };
}
