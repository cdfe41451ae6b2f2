/**
 * The one PostgreSQL client of the tests and benchmarks: a connection for one statement (creating
 * or dropping a throw-away database, asking the server's version), closed whatever happens.
 * pg ships no types of its own; this is the little of it used. Erasable TypeScript: plain Node
 * runs it too (benchmarks).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<{ rows: Record<string, unknown>[] }>;
  end(): Promise<void>;
}

type PgClientClass = new (config: { connectionString: string; connectionTimeoutMillis?: number }) => PgClient;

export interface PostgresOptions {
  /** Give up connecting after this long (default: pg's, no limit). */
  connectTimeoutMs?: number;
}

/** Runs one statement on the server at `url` and returns its rows. */
export async function queryPostgres(url: string, sql: string, options: PostgresOptions = {}): Promise<Record<string, unknown>[]> {
  const { Client } = require('pg') as { Client: PgClientClass };
  const client = new Client({ connectionString: url, ...(options.connectTimeoutMs ? { connectionTimeoutMillis: options.connectTimeoutMs } : {}) });
  try {
    await client.connect();
    return (await client.query(sql)).rows;
  } finally {
    await client.end().catch(() => undefined);
  }
}
