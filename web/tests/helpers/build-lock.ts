/**
 * One build at a time across the test processes of a run: a build that empties its output
 * folder first (`strapi build`, `astro build`) must not run twice at once, and a second test file
 * that finds the build stale waits for the first one's, then finds it current. A lock directory
 * holding the holder's pid; a holder that died (a killed test run) leaves a lock that the next
 * taker removes.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../../scripts/lib/paths.ts';

function holderAlive(lock: string): boolean {
  try {
    process.kill(Number(readFileSync(path.join(lock, 'pid'), 'utf8')), 0);
    return true;
  } catch {
    return false;
  }
}

/** Runs `build` holding the lock `name` (under the repository's .tmp). */
export async function withBuildLock<T>(name: string, build: () => Promise<T>): Promise<T> {
  const lock = path.join(ROOT, '.tmp', `${name}.lock`);
  mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (existsSync(path.join(lock, 'pid')) && !holderAlive(lock)) rmSync(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  try {
    return await build();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
