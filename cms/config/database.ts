import path from 'path';
import type { Core } from '@strapi/strapi';

/** The little of a better-sqlite3 connection and statement the cache below touches. */
interface SqliteStatement {
  readonly busy: boolean;
}
interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
}

/** Distinct SQL texts kept prepared per connection (Strapi's queries are a few thousand texts at most). */
const SQLITE_STATEMENT_CACHE_SIZE = 2000;

/**
 * knex's better-sqlite3 client prepares a new statement for every query and drops it. Each one
 * holds native SQLite memory (its compiled program) that V8 does not see, freed only by an N-API
 * finalizer after a major GC *and* a turn of the event loop; a long chain of writes (an import,
 * the benchmark's generator) never turns it, so memory grew by gigabytes. Reusing one prepared
 * statement per SQL text (least recently used evicted) bounds that memory and skips re-preparing.
 * Safe because better-sqlite3 runs a statement to completion synchronously (knex uses all/run);
 * a statement still busy (an unfinished iterate()) is never handed out twice.
 */
function cacheSqliteStatements(connection: SqliteConnection, size = SQLITE_STATEMENT_CACHE_SIZE): void {
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

/**
 * SQLite for local use and tests (zero setup), PostgreSQL for production and CI.
 * DATABASE_URL wins over the discrete DATABASE_* settings when given.
 */
const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Database => {
  const client = env('DATABASE_CLIENT', 'sqlite');

  if (client === 'postgres') {
    return {
      connection: {
        client: 'postgres',
        connection: {
          connectionString: env('DATABASE_URL'),
          host: env('DATABASE_HOST', '127.0.0.1'),
          port: env.int('DATABASE_PORT', 5432),
          database: env('DATABASE_NAME', 'strapi'),
          user: env('DATABASE_USERNAME', 'strapi'),
          password: env('DATABASE_PASSWORD', ''),
          ssl: env.bool('DATABASE_SSL', false) && {
            rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true),
          },
          schema: env('DATABASE_SCHEMA', 'public'),
        },
        pool: { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) },
        acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
      },
    };
  }

  if (client !== 'sqlite') {
    throw new Error(`Unsupported DATABASE_CLIENT "${client}": use "sqlite" (default) or "postgres".`);
  }

  // Relative to the app folder (dist/config/.. /..), so tests can point at a throw-away file.
  const filename = env('DATABASE_FILENAME', '.tmp/data.db');
  return {
    connection: {
      client: 'sqlite',
      connection: {
        filename: path.isAbsolute(filename) ? filename : path.join(__dirname, '..', '..', filename),
      },
      useNullAsDefault: true,
      acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
      pool: {
        // Runs after Strapi's own (pragma foreign_keys), with the native better-sqlite3 connection.
        afterCreate: (connection: unknown, done: (error?: Error, connection?: unknown) => void) => {
          cacheSqliteStatements(connection as SqliteConnection);
          done(undefined, connection);
        },
      },
    },
  };
};

export default config;
