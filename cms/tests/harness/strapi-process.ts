/**
 * A second CMS process for tests of several instances on one database: `node strapi-process.ts
 * <sqlite|postgres> <database name>` boots the real app (startStrapi) on that existing database,
 * prints one line `{"url":"http://127.0.0.1:…"}` on stdout once it listens, and stops on SIGTERM
 * (or when its parent closes its stdin), leaving the database to the instance that created it.
 *
 * Why a process and not a second instance in the test's own process: instances in one process
 * share module state (process.env, caches keyed by nothing but the module), so only a process of
 * its own shows what a second server behind a load balancer sees.
 *
 * Plain Node 24 runs it (erasable TypeScript, like the harness).
 */
import { startStrapi, type DatabaseKind } from './strapi.ts';

const [kind, databaseName] = process.argv.slice(2);
if ((kind !== 'sqlite' && kind !== 'postgres') || !databaseName) {
  console.error('usage: node strapi-process.ts <sqlite|postgres> <database name>');
  process.exit(2);
}

const running = await startStrapi({ database: kind as DatabaseKind, databaseName, keepDatabase: true });
running.strapi.log.level = 'warn';
process.stdout.write(`${JSON.stringify({ url: running.url })}\n`);

let stopping = false;
const stop = async (): Promise<void> => {
  if (stopping) return;
  stopping = true;
  await running.stop().catch((error: unknown) => console.error(error));
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.stdin.on('end', () => void stop());
process.stdin.resume();
