/**
 * Prepared statements of a SQLite (better-sqlite3) connection, reused per SQL text
 * (config/database.ts installs it on each connection of the pool).
 *
 * knex's better-sqlite3 client prepares a new statement for every query and drops it. Each one
 * holds native SQLite memory (its compiled program) that V8 does not see, freed only by an N-API
 * finalizer after a major GC *and* a turn of the event loop; a long chain of writes (an import,
 * the benchmark's generator) never turns it, so memory grows by gigabytes
 * (bench/reports/full-2000x5.md, analysis item 3). Reusing one prepared statement per SQL text
 * (least recently used evicted) bounds that memory and skips re-preparing.
 *
 * Safe because better-sqlite3 runs a statement to completion synchronously (knex uses all/run);
 * a statement still busy (an unfinished iterate()) is never handed out twice.
 */

/** The little of a better-sqlite3 connection and statement the cache touches. */
export interface SqliteStatement {
  readonly busy: boolean;
}
export interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
}

/** Distinct SQL texts kept prepared per connection (Strapi's queries are a few thousand texts at most). */
export const SQLITE_STATEMENT_CACHE_SIZE = 2000;

export function cacheSqliteStatements(connection: SqliteConnection, size = SQLITE_STATEMENT_CACHE_SIZE): void {
  const prepare = connection.prepare.bind(connection);
  const cache = new Map<string, SqliteStatement>();
  connection.prepare = (sql: string): SqliteStatement => {
    const cached = cache.get(sql);
    if (cached && !cached.busy) {
      // Re-insert: Map keeps insertion order, so the first key is the least recently used.
      cache.delete(sql);
      cache.set(sql, cached);
      return cached;
    }
    const statement = prepare(sql);
    if (!cached) {
      cache.set(sql, statement);
      if (cache.size > size) cache.delete(cache.keys().next().value as string);
    }
    return statement;
  };
}
