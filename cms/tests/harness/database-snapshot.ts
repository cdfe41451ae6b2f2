/**
 * Every row of every table of a running CMS's database, to prove that something wrote nothing
 * (a refused XLIFF upload, say): compare a snapshot taken before with one taken after. Every
 * table, not the ones a test expects to be touched: the content types and their join tables, the
 * core store (translation stamps, the read cache's generation), the locales and the media library
 * alike. Only the admin's login sessions (the browser renews them on its own) and the core store
 * rows Strapi writes on a schedule are left out.
 * SQLite and PostgreSQL.
 */
import type { Core } from '@strapi/strapi';

/** Table name → its rows as JSON, sorted (a snapshot says nothing about row order). */
export type DatabaseSnapshot = Record<string, string[]>;

const NOT_CONTENT = new Set(['strapi_sessions']);

/**
 * Core store rows Strapi writes on its own schedule, whatever a test does: the upload plugin's
 * weekly metrics, written by a cron 15 s after a first boot (@strapi/upload weekly-metrics). A
 * clean-clone CI run caught it landing between a snapshot and the next.
 */
const SCHEDULED_CORE_STORE_KEYS = new Set(['plugin_upload_metrics']);
const CORE_STORE_TABLE = 'strapi_core_store_settings';

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
    const rows = (await knex(table).select('*')).filter((row) => table !== CORE_STORE_TABLE || !SCHEDULED_CORE_STORE_KEYS.has(String(row.key)));
    snapshot[table] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return snapshot;
}

/**
 * Which rows changed, by their key (the core store) or id, for a failure message that says what
 * wrote: " (rows: …)", or "" when the rows have neither.
 */
function rowNames(rows: string[]): string {
  const names = new Set<string>();
  for (const row of rows) {
    const parsed = JSON.parse(row) as Record<string, unknown>;
    const name = parsed.key ?? parsed.document_id ?? parsed.id;
    if (name !== undefined && name !== null) names.add(String(name));
  }
  if (names.size === 0) return '';
  const shown = [...names].slice(0, 5);
  return ` (rows: ${shown.join(', ')}${names.size > shown.length ? `, … ${names.size - shown.length} more` : ''})`;
}

/** The tables whose rows differ, each with how many rows only `before` / only `after` has: [] when nothing was written. */
export function changedTables(before: DatabaseSnapshot, after: DatabaseSnapshot): string[] {
  const changed: string[] = [];
  for (const table of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    const was = new Set(before[table] ?? []);
    const is = new Set(after[table] ?? []);
    const gone = [...was].filter((row) => !is.has(row)).length;
    const added = [...is].filter((row) => !was.has(row)).length;
    if (gone > 0 || added > 0 || !(table in before) || !(table in after)) {
      const rows = rowNames([...[...was].filter((row) => !is.has(row)), ...[...is].filter((row) => !was.has(row))]);
      changed.push(`${table}: ${gone} row(s) changed or removed, ${added} changed or added${rows}`);
    }
  }
  return changed;
}
