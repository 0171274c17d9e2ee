import type { Knex } from 'knex';

/**
 * PGlite runs no autovacuum, so without this its tables never get planner statistics. Guessing a
 * few rows, the planner then answers a listing page (`ORDER BY key LIMIT 1001`) by reading every
 * row of the bucket and sorting them instead of walking the (bucket_id, key) index: the page time
 * grows with the bucket (`npm run bench` measured 88 ms at 100,000 keys against 13 ms analyzed).
 * This is autovacuum's analyze step for the embedded store: a table that has grown by a tenth (or
 * from nothing) since its last ANALYZE is analyzed again. Checked every few seconds off the request
 * path; the check is one catalog query, ANALYZE samples at most 30,000 rows per table.
 */
export const EMBEDDED_ANALYZE_INTERVAL_MS = 5000;

/** Pages a never-analyzed table may reach before it is analyzed (64 KiB). */
const MIN_PAGES = 8;
const GROWTH = 1.1;

/** Analyzes the tables of the current schema that grew since their last ANALYZE; returns their names. */
export async function analyzeGrownTables(knex: Knex): Promise<string[]> {
  const { rows } = (await knex.raw(
    `SELECT c.relname AS name, c.relpages AS analyzed, pg_relation_size(c.oid) / current_setting('block_size')::int AS pages
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r' AND n.nspname = current_schema()`,
  )) as { rows: { name: string; analyzed: number; pages: number | string }[] };
  const grown = rows.filter((t) => Number(t.pages) > Math.max(MIN_PAGES, Number(t.analyzed) * GROWTH)).map((t) => t.name);
  for (const name of grown) await knex.raw('ANALYZE ??', [name]);
  return grown;
}

/** Runs `analyzeGrownTables` every `intervalMs` (one at a time) until stopped; a failed check waits for the next. */
export function startEmbeddedAnalyze(knex: Knex, intervalMs = EMBEDDED_ANALYZE_INTERVAL_MS): { stop(): Promise<void> } {
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    running ??= analyzeGrownTables(knex)
      .catch(() => undefined)
      .finally(() => (running = undefined));
  }, intervalMs);
  timer.unref(); // never what keeps a process alive
  return {
    async stop() {
      clearInterval(timer);
      await running; // the store closes after a check in flight
    },
  };
}
