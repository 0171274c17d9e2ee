// knex's client for the embedded store. knex-pglite ships CommonJS with the client class as
// module.exports.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ClientPgLite = require('knex-pglite');

/**
 * knex-pglite derives the command from knex's method name, and knex calls a delete `del`:
 * the row count of a DELETE was lost (the raw response came back instead), so every
 * "did it delete anything" check failed on the embedded store. Name it as knex's pg client
 * expects.
 */
export class EmbeddedPgliteClient extends ClientPgLite {
  processResponse(obj: { method?: string }, runner: unknown): unknown {
    return super.processResponse(obj.method === 'del' ? { ...obj, method: 'delete' } : obj, runner);
  }
}
