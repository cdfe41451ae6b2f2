/**
 * A second CMS instance in a process of its own, on the database of a running one (the harness's
 * tests/harness/strapi-process.ts): what a second server behind a load balancer is. Its warnings
 * and errors are collected, so a test can show them when it fails.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { CMS_DIR } from '../../../../../tests/harness/strapi';
import type { RunningStrapi } from './strapi-under-test';

export const STRAPI_PROCESS_SCRIPT = path.join(CMS_DIR, 'tests', 'harness', 'strapi-process.ts');

export interface SecondInstance {
  url: string;
  /** What the process wrote on stderr so far. */
  stderr(): string;
  stop(): Promise<void>;
}

export async function startSecondInstance(first: RunningStrapi, bootTimeoutMs = 240_000): Promise<SecondInstance> {
  const databaseName = first.database === 'sqlite' ? path.relative(CMS_DIR, first.databaseName) : first.databaseName;
  const child: ChildProcess = spawn(process.execPath, [STRAPI_PROCESS_SCRIPT, first.database, databaseName], {
    cwd: CMS_DIR,
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the second CMS did not start within ${bootTimeoutMs} ms:\n${stderr}`)), bootTimeoutMs);
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (!line.startsWith('{')) return;
      clearTimeout(timer);
      resolve((JSON.parse(line) as { url: string }).url);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the second CMS exited (${code}) before listening:\n${stderr}`));
    });
  }).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });

  return {
    url,
    stderr: () => stderr,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const deadline = setTimeout(() => child.kill('SIGKILL'), 60_000);
      await exited;
      clearTimeout(deadline);
    },
  };
}
