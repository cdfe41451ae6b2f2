/**
 * The content generation as the database knows it: one row, bumped in the same transaction as
 * every write this plugin watches, so that OTHER processes on the same database see the write.
 *
 * Why: the in-memory counter (content-generation.ts) only hears writes of its own process. The
 * import CLI boots its own Strapi on the CMS's database and notifies the site when it publishes;
 * the site re-reads the CMS at once, and a CMS process that had not heard of the import would
 * answer from its caches (and the site would keep that stale page). A second CMS instance behind
 * a load balancer has the same problem. Reading this row costs one primary-key lookup per public
 * request (read-generation middleware), far cheaper than what the caches save.
 *
 * The bump joins the writer's transaction (committed or rolled back with the data, never ahead of
 * it) and happens once per transaction. On PostgreSQL the row lock it takes serialises concurrent
 * writer transactions at their end; content writes are few, so that is accepted.
 *
 * A custom table, outside Strapi's content types: Strapi's schema sync leaves alone tables it never
 * created (@strapi/database schema/diff: "a user custom table that we should not touch").
 */
import type { Core } from '@strapi/strapi';

export const GENERATION_TABLE = 'gp_content_generation';
const ROW_ID = 1;

type Knex = Core.Strapi['db']['connection'];

/** Creates the table and its one row if missing; call at bootstrap, before any write is watched. */
export async function ensureStoredGeneration(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  if (!(await knex.schema.hasTable(GENERATION_TABLE))) {
    try {
      await knex.schema.createTable(GENERATION_TABLE, (table) => {
        table.integer('id').primary();
        table.bigInteger('value').notNullable().defaultTo(0);
      });
    } catch (error) {
      // Another process booting on the same database created it first.
      if (!(await knex.schema.hasTable(GENERATION_TABLE))) throw error;
    }
  }
  await knex(GENERATION_TABLE).insert({ id: ROW_ID, value: 0 }).onConflict('id').ignore();
}

/**
 * Adds one to the stored generation, with `knex` (the writer's transaction when there is one),
 * and returns the value it set: read in the same transaction, whose update holds the row (a
 * PostgreSQL row lock, SQLite's write lock), so no other writer's bump can come in between
 * (the change journal relies on it: change-journal.ts). Without a transaction, one is opened.
 */
export async function bumpStoredGeneration(knex: Knex): Promise<string> {
  const bump = async (trx: Knex): Promise<string> => {
    await trx(GENERATION_TABLE).where({ id: ROW_ID }).increment('value', 1);
    return readStoredGeneration(trx);
  };
  return knex.isTransaction ? bump(knex) : knex.transaction((trx) => bump(trx as unknown as Knex));
}

/** The stored generation, as a string (PostgreSQL returns bigint as a string, SQLite a number). */
export async function readStoredGeneration(knex: Knex): Promise<string> {
  const row = (await knex(GENERATION_TABLE).where({ id: ROW_ID }).first('value')) as { value: string | number } | undefined;
  return String(row?.value ?? 0);
}
