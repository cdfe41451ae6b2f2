/**
 * Build steps are skipped when none of their inputs changed since the last successful run, so a
 * second `npm start` is fast. An input set is fingerprinted by path, size and modification time.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, STATE_DIR } from './paths.ts';

const SKIP = new Set(['node_modules', 'dist', '.astro', '.cache', '.strapi', '.tmp', 'build', 'coverage']);

function walk(target: string, hash: ReturnType<typeof createHash>): void {
  if (!existsSync(target)) {
    hash.update(`${target}:missing`);
    return;
  }
  const stats = statSync(target);
  if (stats.isDirectory()) {
    for (const entry of readdirSync(target).sort()) {
      if (!SKIP.has(entry)) walk(path.join(target, entry), hash);
    }
    return;
  }
  hash.update(`${path.relative(ROOT, target)}:${stats.size}:${stats.mtimeMs}`);
}

export function fingerprint(inputs: string[], extra = ''): string {
  const hash = createHash('sha256');
  hash.update(extra);
  for (const input of inputs) walk(input, hash);
  return hash.digest('hex');
}

/** Where the fingerprint of a build's last success is kept. */
export function stampFile(name: string): string {
  return path.join(STATE_DIR, 'stamps', `${name}.sha256`);
}

/** True when `outputs` exist and the inputs' fingerprint equals the one of the last success. */
export function isFresh(name: string, inputs: string[], outputs: string[], extra = ''): boolean {
  return isFreshAt(name, fingerprint(inputs, extra), outputs);
}

function isFreshAt(name: string, current: string, outputs: string[]): boolean {
  const file = stampFile(name);
  if (!outputs.every((output) => existsSync(output)) || !existsSync(file)) return false;
  return readFileSync(file, 'utf8') === current;
}

/**
 * Runs `build` unless its outputs are fresh, and resolves with whether it ran. The fingerprint
 * recorded is the one taken before the build: an input edited while a build runs (minutes for
 * the admin panel) is not in its output, so the next run must build again. A failed build
 * records nothing.
 */
export async function buildUnlessFresh(name: string, inputs: string[], outputs: string[], build: () => Promise<void>, extra = ''): Promise<boolean> {
  const before = fingerprint(inputs, extra);
  if (isFreshAt(name, before, outputs)) return false;
  await build();
  mkdirSync(path.dirname(stampFile(name)), { recursive: true });
  writeFileSync(stampFile(name), before);
  return true;
}
