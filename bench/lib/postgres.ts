/** Is a PostgreSQL server there to benchmark on? TEST_DATABASE_URL, else the local default. */
import { queryPostgres } from '../../cms/tests/harness/postgres.ts';

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export function postgresUrl(): string {
  return process.env.TEST_DATABASE_URL || DEFAULT_POSTGRES_URL;
}

/** The server's version when it answers within a few seconds, else null. */
export async function probePostgres(url = postgresUrl()): Promise<string | null> {
  try {
    const rows = await queryPostgres(url, 'show server_version', { connectTimeoutMs: 3000 });
    return String(rows[0]?.server_version ?? 'unknown');
  } catch {
    return null;
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
