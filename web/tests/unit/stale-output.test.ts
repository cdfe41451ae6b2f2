/**
 * The kept output's clean-up (src/lib/static-build/stale-output.ts) over a real folder: what a
 * build did not produce is removed, and with a state file the route folders the last build
 * recorded are checked against that record instead of being walked. The real builds are checked
 * by tests/integration/incremental-build.test.ts (output equal to a build from nothing).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeStaleOutput } from '../../src/lib/static-build/stale-output';

const root = mkdtempSync(join(tmpdir(), 'gp-stale-output-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const past = Date.now() / 1000 - 3600;

/** Writes `files` under `out`, dated an hour ago (a previous build's). */
function written(out: string, files: readonly string[]): void {
  for (const file of files) {
    const path = join(out, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file);
    utimesSync(path, past, past);
  }
}

describe('removing what a build did not produce', () => {
  it('walks the output the first time, then trusts the route folders the state records', async () => {
    const out = join(root, 'dist');
    const state = join(root, 'cache', 'gp-stale-output.json');
    const pages = ['en/practices/a/index.html', 'en/practices/b/index.html', 'ar/practices/a/index.html', 'index.html'];
    written(out, [...pages, '_astro/old.js', 'favicon.svg', 'pagefind/en/x.pf', 'en/practices/gone/index.html']);
    const abs = (files: readonly string[]) => files.map((file) => join(out, file));

    // First build: no state, everything walked; the bundle, the icon and the old page are not this build's.
    const first = await removeStaleOutput(out, abs(pages), Date.now(), ['pagefind']);
    expect(first.removed.sort()).toEqual(['_astro/old.js', 'en/practices/gone/index.html', 'favicon.svg']);
    expect(existsSync(join(out, 'pagefind/en/x.pf'))).toBe(true);

    // Second build, with a state: writes it (en/ and ar/ hold outputs only; the top-level page is walked every time).
    written(out, ['_astro/new.js']);
    const startedAt = Date.now() - 60_000;
    utimesSync(join(out, '_astro/new.js'), new Date(), new Date());
    const second = await removeStaleOutput(out, abs(pages), startedAt, ['pagefind'], state);
    expect(second.removed).toEqual([]);
    const recorded = JSON.parse(readFileSync(state, 'utf8')) as { routeFolders: Record<string, { files: string[]; folders: Record<string, number> }> };
    expect(Object.keys(recorded.routeFolders).sort()).toEqual(['ar', 'en']);
    expect(recorded.routeFolders.en!.files.sort()).toEqual(['en/practices/a/index.html', 'en/practices/b/index.html']);
    expect(Object.keys(recorded.routeFolders.en!.folders).sort()).toEqual(['en', 'en/practices']);

    // Third build: practice b unpublished. Its page goes without a walk of en/ (the record says
    // it was there); a file put by hand inside a page's own folder is not looked for.
    written(out, ['en/practices/a/by-hand.html', '_astro/older.js']);
    const third = await removeStaleOutput(out, abs(pages.filter((file) => !file.includes('/b/'))), Date.now(), ['pagefind'], state);
    expect(third.recorded).toBe(2);
    expect(third.removed.sort()).toEqual(['_astro/new.js', '_astro/older.js', 'en/practices/b/index.html']);
    expect(existsSync(join(out, 'en/practices/b'))).toBe(false);
    expect(existsSync(join(out, 'en/practices/a/by-hand.html'))).toBe(true);

    // Another build (not incremental, with another cache folder) added a page the record does not
    // have: en/practices/ changed since the record, so en/ is walked and the page found.
    written(out, ['en/practices/c/index.html']);
    const fourth = await removeStaleOutput(out, abs(pages.filter((file) => !file.includes('/b/'))), Date.now(), ['pagefind'], state);
    expect(fourth.removed.sort()).toEqual(['en/practices/a/by-hand.html', 'en/practices/c/index.html']);
    expect(fourth.recorded).toBe(1);
    // And the record is trusted again afterwards.
    const fifth = await removeStaleOutput(out, abs(pages.filter((file) => !file.includes('/b/'))), Date.now(), ['pagefind'], state);
    expect(fifth.removed).toEqual([]);
  });

  it('walks everything when the state is of another output folder or unreadable', async () => {
    const out = join(root, 'other');
    const state = join(root, 'cache-other', 'gp-stale-output.json');
    mkdirSync(dirname(state), { recursive: true });
    written(out, ['en/index.html', 'en/stale.html']);
    writeFileSync(state, JSON.stringify({ format: 2, outDir: join(root, 'dist'), routeFolders: { en: { files: ['en/index.html'], folders: {} } } }));
    expect((await removeStaleOutput(out, [join(out, 'en/index.html')], Date.now(), [], state)).removed).toEqual(['en/stale.html']);
    written(out, ['en/stale.html']);
    writeFileSync(state, '{"format":2,');
    expect((await removeStaleOutput(out, [join(out, 'en/index.html')], Date.now(), [], state)).removed).toEqual(['en/stale.html']);
  });
});
