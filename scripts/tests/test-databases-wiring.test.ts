/**
 * The whole wiring of the database projects, as `npm test` runs it: vitest itself, started with a
 * TEST_DATABASE_URL whose server does not answer. Under CI the run must fail and say why; off CI
 * it runs on SQLite and warns. (The decision itself: cms/tests/unit/test-databases.test.ts.)
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../lib/paths.ts';

async function refusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Runs one small unit file of the cms project through the root config. */
function runVitest(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'cms/tests/unit/secrets.test.ts'], {
      cwd: ROOT,
      env: { ...process.env, GP_FILE_TIMES: '', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('a configured PostgreSQL that does not answer', () => {
  it('fails the run under CI, saying why', async () => {
    const url = `postgres://postgres@127.0.0.1:${await refusedPort()}/postgres`;
    const { code, output } = await runVitest({ TEST_DATABASE_URL: url, CI: 'true' });
    expect(code).not.toBe(0);
    expect(output).toMatch(/PostgreSQL does not answer/);
    expect(output).toMatch(/Under CI that is a failure/);
  });

  it('leaves PostgreSQL out with a warning off CI, and the SQLite tests still run', async () => {
    const url = `postgres://postgres@127.0.0.1:${await refusedPort()}/postgres`;
    const { code, output } = await runVitest({ TEST_DATABASE_URL: url, CI: '' });
    expect(output).toMatch(/The PostgreSQL tests are left out of this run/);
    expect(output).toMatch(/cms \(sqlite\)/);
    expect(output).not.toMatch(/cms \(postgres\)/);
    expect(code).toBe(0);
  });
});
