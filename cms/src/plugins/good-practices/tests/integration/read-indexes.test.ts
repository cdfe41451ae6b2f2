/**
 * The plugin's indexes for the public reads exist after boot (on the database under test) and
 * the slug lookup of GET /practices/:slug and GET /tools/:slug actually uses them: the very SQL
 * the request sends is EXPLAINed.
 */
import type { Core } from '@strapi/strapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths } from '../../contract';
import { ensurePublicReadIndexes, publicReadIndexes, resolveIndex } from '../../server/src/read-model/public-read-indexes';
import { getJson } from '../support/http';
import { createPractice, createTool } from '../support/practices';
import { waitForQuiet } from '../support/query-counter';
import { bootStrapi, type RunningStrapi } from '../support/strapi-under-test';

let app: RunningStrapi;

interface Knexish {
  raw(sql: string, bindings?: readonly unknown[]): Promise<unknown>;
  transaction<T>(run: (trx: Knexish) => Promise<T>): Promise<T>;
}
const knex = (strapi: Core.Strapi) => strapi.db.connection as unknown as Knexish;

beforeAll(async () => {
  app = await bootStrapi();
  await createTool(app.strapi, { name: 'Indexed tool', slug: 'indexed-tool' });
  for (let index = 0; index < 5; index += 1) {
    await createTool(app.strapi, { name: `Other tool ${index}`, slug: `other-tool-${index}` });
    await createPractice(app.strapi, { title: `Indexed ${index}`, slug: `indexed-${index}` });
  }
  await waitForQuiet(app.strapi);
}, 600_000);

afterAll(async () => {
  await app?.stop();
});

async function indexNames(strapi: Core.Strapi, table: string): Promise<string[]> {
  if (app.database === 'sqlite') {
    const rows = (await knex(strapi).raw(`select name from sqlite_master where type = 'index' and tbl_name = ?`, [table])) as { name: string }[];
    return rows.map((row) => row.name);
  }
  const result = (await knex(strapi).raw('select indexname from pg_indexes where tablename = ?', [table])) as { rows: { indexname: string }[] };
  return result.rows.map((row) => row.indexname);
}

/** The plan of a statement as one string (as sent: `?` placeholders on SQLite, `$n` on PostgreSQL). */
async function plan(strapi: Core.Strapi, table: string, sql: string, bindings: readonly unknown[]): Promise<string> {
  if (app.database === 'sqlite') {
    const rows = (await knex(strapi).raw(`explain query plan ${sql}`, bindings)) as { detail: string }[];
    return rows.map((row) => row.detail).join('\n');
  }
  // Fresh tables have no statistics (the planner cannot tell a slug is selective) and a handful
  // of rows are cheaper to scan than to look up: gather statistics and forbid the scan, to see
  // which index the planner picks for this statement.
  await knex(strapi).raw('analyze ??', [table]);
  return knex(strapi).transaction(async (trx) => {
    await trx.raw('set local enable_seqscan = off');
    // knex.raw binds `?`; PostgreSQL statements are logged with `$1, $2…` in binding order.
    const result = (await trx.raw(`explain ${sql.replace(/\$\d+/g, '?')}`, bindings)) as { rows: { 'QUERY PLAN': string }[] };
    return result.rows.map((row) => row['QUERY PLAN']).join('\n');
  });
}

interface SentQuery {
  sql: string;
  bindings?: readonly unknown[];
}

/** The statements a request sends, with their bindings (knex `query` event). */
async function statementsOf(path: string): Promise<SentQuery[]> {
  const connection = app.strapi.db.connection as unknown as { on(e: 'query', l: (q: SentQuery) => void): void; off(e: 'query', l: (q: SentQuery) => void): void };
  const sent: SentQuery[] = [];
  const listener = (query: SentQuery) => sent.push({ sql: query.sql, bindings: query.bindings });
  connection.on('query', listener);
  try {
    const response = await getJson(`${app.url}${path}`);
    expect(response.status).toBe(200);
  } finally {
    connection.off('query', listener);
  }
  return sent;
}

describe('public read indexes', () => {
  it('exist after boot, and creating them again changes nothing', async () => {
    for (const index of publicReadIndexes) {
      const { name, table } = resolveIndex(app.strapi, index);
      expect(await indexNames(app.strapi, table)).toContain(name);
    }
    await ensurePublicReadIndexes(app.strapi);
    for (const index of publicReadIndexes) {
      const { name, table } = resolveIndex(app.strapi, index);
      expect((await indexNames(app.strapi, table)).filter((found) => found === name)).toHaveLength(1);
    }
  });

  it.each([
    ['practice', apiPaths.practice('indexed-3'), 'gp_practices'],
    ['tool', apiPaths.tool('indexed-tool'), 'gp_tools'],
  ])('serve the %s slug lookup', async (_kind, path, table) => {
    const sent = await statementsOf(path);
    const lookup = sent.find((query) => new RegExp(`\\bfrom [^ ]*\\b${table}[\x60"]? as `).test(query.sql) && /\bslug[\x60"]? = /.test(query.sql));
    expect(lookup, sent.map((query) => query.sql).join('\n')).toBeDefined();
    const explained = await plan(app.strapi, table, lookup!.sql, lookup!.bindings ?? []);
    if (process.env.DEBUG_PLAN) console.log(explained);
    expect(explained).toMatch(new RegExp(`${table}_locale_slug_pub_idx`));
  });
});
