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

function stampFile(name: string): string {
  return path.join(STATE_DIR, 'stamps', `${name}.sha256`);
}

/** True when `outputs` exist and the inputs' fingerprint equals the one of the last success. */
export function isFresh(name: string, inputs: string[], outputs: string[], extra = ''): boolean {
  const file = stampFile(name);
  if (!outputs.every((output) => existsSync(output)) || !existsSync(file)) return false;
  return readFileSync(file, 'utf8') === fingerprint(inputs, extra);
}

export function markFresh(name: string, inputs: string[], extra = ''): void {
  mkdirSync(path.dirname(stampFile(name)), { recursive: true });
  writeFileSync(stampFile(name), fingerprint(inputs, extra));
}
