/**
 * Every row of every table of a running CMS's database, to prove that something wrote nothing
 * (a refused XLIFF upload, say): compare a snapshot taken before with one taken after. Every
 * table, not the ones a test expects to be touched: the content types and their join tables, the
 * core store (translation stamps, the read cache's generation), the locales and the media library
 * alike. Only the admin's login sessions are left out: the browser renews them on its own.
 * SQLite and PostgreSQL.
 */
import type { Core } from '@strapi/strapi';

/** Table name → its rows as JSON, sorted (a snapshot says nothing about row order). */
export type DatabaseSnapshot = Record<string, string[]>;

const NOT_CONTENT = new Set(['strapi_sessions']);

interface Knex {
  raw(sql: string): Promise<unknown>;
  (table: string): { select(columns: string): Promise<Record<string, unknown>[]> };
}

async function tableNames(strapi: Core.Strapi): Promise<string[]> {
  const knex = strapi.db.connection as unknown as Knex;
  if (strapi.db.dialect.client === 'sqlite') {
    const rows = (await knex.raw(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)) as { name: string }[];
    return rows.map((row) => row.name);
  }
  const result = (await knex.raw(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`)) as { rows: { name: string }[] };
  return result.rows.map((row) => row.name);
}

export async function snapshotDatabase(strapi: Core.Strapi): Promise<DatabaseSnapshot> {
  const knex = strapi.db.connection as unknown as Knex;
  const snapshot: DatabaseSnapshot = {};
  for (const table of (await tableNames(strapi)).filter((name) => !NOT_CONTENT.has(name)).sort()) {
    snapshot[table] = (await knex(table).select('*')).map((row) => JSON.stringify(row)).sort();
  }
  return snapshot;
}

/** The tables whose rows differ, each with how many rows only `before` / only `after` has: [] when nothing was written. */
export function changedTables(before: DatabaseSnapshot, after: DatabaseSnapshot): string[] {
  const changed: string[] = [];
  for (const table of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    const was = new Set(before[table] ?? []);
    const is = new Set(after[table] ?? []);
    const gone = [...was].filter((row) => !is.has(row)).length;
    const added = [...is].filter((row) => !was.has(row)).length;
    if (gone > 0 || added > 0 || !(table in before) || !(table in after)) changed.push(`${table}: ${gone} row(s) changed or removed, ${added} changed or added`);
  }
  return changed;
}
