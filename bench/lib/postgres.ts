/** Is a PostgreSQL server there to benchmark on? TEST_DATABASE_URL, else the local default. */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<{ rows: Record<string, string>[] }>;
  end(): Promise<void>;
}

export function postgresUrl(): string {
  return process.env.TEST_DATABASE_URL || DEFAULT_POSTGRES_URL;
}

/** The server's version when it answers within a few seconds, else null. */
export async function probePostgres(url = postgresUrl()): Promise<string | null> {
  const { Client } = require('pg') as { Client: new (config: { connectionString: string; connectionTimeoutMillis: number }) => PgClient };
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const result = await client.query('show server_version');
    return result.rows[0]?.server_version ?? 'unknown';
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The URL without its password, for the report. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}
