/**
 * helpers/build-lock.ts keeps two test processes from running one build at once (`astro build`
 * and `strapi build` empty their output folder first). Real processes: a child holds the lock
 * while this process asks for it; a lock whose holder died is taken over.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/lib/paths.ts';
import { withBuildLock } from '../helpers/build-lock.ts';

const lockDir = (name: string) => path.join(ROOT, '.tmp', `${name}.lock`);

describe('the build lock', () => {
  it('makes a second taker wait until the holder, another process, is done', async () => {
    const name = `test-lock-${randomBytes(4).toString('hex')}`;
    const marker = path.join(ROOT, '.tmp', `${name}.built`);
    // The holder's "build" takes 1.5 s and ends by writing the marker.
    const script = `import { writeFileSync } from 'node:fs';
import { withBuildLock } from ${JSON.stringify(path.join(import.meta.dirname, '..', 'helpers', 'build-lock.ts'))};
await withBuildLock(${JSON.stringify(name)}, async () => { process.stdout.write('holding\\n'); await new Promise((r) => setTimeout(r, 1500)); writeFileSync(${JSON.stringify(marker)}, 'built'); });`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve) => child.stdout.on('data', (data) => String(data).includes('holding') && resolve()));
    let sawBuild = false;
    await withBuildLock(name, async () => {
      sawBuild = existsSync(marker);
    });
    expect(sawBuild, 'the lock was given while the other build ran').toBe(true);
    expect(await exited).toBe(0);
    expect(existsSync(lockDir(name))).toBe(false);
    rmSync(marker, { force: true });
  }, 30_000);

  it('takes over a lock whose holder died', async () => {
    const name = `test-lock-${randomBytes(4).toString('hex')}`;
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => dead.on('exit', resolve));
    mkdirSync(lockDir(name), { recursive: true });
    writeFileSync(path.join(lockDir(name), 'pid'), String(dead.pid));
    const started = Date.now();
    expect(await withBuildLock(name, async () => 'built')).toBe('built');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(existsSync(lockDir(name))).toBe(false);
  });

  it('releases the lock when the build fails', async () => {
    const name = `test-lock-${randomBytes(4).toString('hex')}`;
    await expect(withBuildLock(name, async () => Promise.reject(new Error('build failed')))).rejects.toThrow('build failed');
    expect(existsSync(lockDir(name))).toBe(false);
  });
});
