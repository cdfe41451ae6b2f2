/**
 * scripts/lib/freshness.ts decides whether `npm start` and `npm test` may skip a build: a wrong
 * "fresh" runs the tests on a stale build. Real files in a temporary folder; the stamps are
 * written where the builds keep theirs, under names of this test only, and removed after.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildUnlessFresh, fingerprint, isFresh, stampFile } from '../lib/freshness.ts';

let dir: string;
let name: string;
let src: string;
let output: string;

/** A build that writes its output, counting its runs. */
function counter(onBuild: () => void = () => {}) {
  const runs = { count: 0 };
  const build = async () => {
    runs.count += 1;
    onBuild();
    writeFileSync(output, `built ${runs.count}`);
  };
  return { runs, build };
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'gp-freshness-'));
  name = `freshness-test-${randomBytes(4).toString('hex')}`;
  src = path.join(dir, 'src');
  mkdirSync(path.join(src, 'nested'), { recursive: true });
  writeFileSync(path.join(src, 'a.ts'), 'export const a = 1;\n');
  writeFileSync(path.join(src, 'nested', 'b.ts'), 'export const b = 2;\n');
  output = path.join(dir, 'out.js');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(stampFile(name), { force: true });
});

describe('a build is skipped only when nothing it reads changed since its last success', () => {
  it('builds the first time, then skips while inputs and outputs are unchanged', async () => {
    const { runs, build } = counter();
    expect(isFresh(name, [src], [output])).toBe(false);
    expect(await buildUnlessFresh(name, [src], [output], build)).toBe(true);
    expect(isFresh(name, [src], [output])).toBe(true);
    expect(await buildUnlessFresh(name, [src], [output], build)).toBe(false);
    expect(runs.count).toBe(1);
  });

  it.each([
    ['a file’s content changes (size)', () => writeFileSync(path.join(src, 'a.ts'), 'export const a = 10;\n')],
    ['a file is touched (modification time)', () => utimesSync(path.join(src, 'nested', 'b.ts'), new Date(), new Date(Date.now() + 5_000))],
    ['a file is added', () => writeFileSync(path.join(src, 'nested', 'c.ts'), '')],
    ['a file is removed', () => rmSync(path.join(src, 'nested', 'b.ts'))],
    ['a file is renamed', () => {
      writeFileSync(path.join(src, 'z.ts'), 'export const a = 1;\n');
      rmSync(path.join(src, 'a.ts'));
    }],
    ['the output is deleted', () => rmSync(output)],
  ])('builds again when %s', async (_what, change) => {
    const { runs, build } = counter();
    await buildUnlessFresh(name, [src], [output], build);
    change();
    expect(isFresh(name, [src], [output])).toBe(false);
    expect(await buildUnlessFresh(name, [src], [output], build)).toBe(true);
    expect(runs.count).toBe(2);
  });

  it('builds again when the extra key changes (e.g. another mode of the same inputs)', async () => {
    const { runs, build } = counter();
    await buildUnlessFresh(name, [src], [output], build, 'server');
    expect(isFresh(name, [src], [output], 'static')).toBe(false);
    expect(await buildUnlessFresh(name, [src], [output], build, 'static')).toBe(true);
    expect(runs.count).toBe(2);
  });

  it('builds again after an input was edited while the build ran (its output predates the edit)', async () => {
    let edits = 0;
    const { runs, build } = counter(() => {
      // The first build reads the inputs, then the developer saves a file before it ends.
      if (edits++ === 0) writeFileSync(path.join(src, 'a.ts'), 'export const a = "edited during the build";\n');
    });
    await buildUnlessFresh(name, [src], [output], build);
    expect(isFresh(name, [src], [output])).toBe(false);
    expect(await buildUnlessFresh(name, [src], [output], build)).toBe(true);
    expect(await buildUnlessFresh(name, [src], [output], build)).toBe(false);
    expect(runs.count).toBe(2);
  });

  it('records nothing when the build fails, so the next run builds again', async () => {
    await expect(buildUnlessFresh(name, [src], [output], async () => Promise.reject(new Error('tsc failed')))).rejects.toThrow('tsc failed');
    expect(existsSync(stampFile(name))).toBe(false);
    const { runs, build } = counter();
    expect(await buildUnlessFresh(name, [src], [output], build)).toBe(true);
    expect(runs.count).toBe(1);
  });

  it('ignores what builds and installs write (node_modules, dist, caches) inside an input folder', async () => {
    const before = fingerprint([src]);
    for (const folder of ['node_modules', 'dist', '.astro', '.cache', '.strapi', '.tmp', 'build', 'coverage']) {
      mkdirSync(path.join(src, folder), { recursive: true });
      writeFileSync(path.join(src, folder, 'generated.js'), 'x');
    }
    expect(fingerprint([src])).toBe(before);
  });

  it('tells a missing input from an empty one', () => {
    const input = path.join(dir, 'config');
    const absent = fingerprint([input]);
    mkdirSync(input);
    expect(fingerprint([input])).not.toBe(absent);
  });
});
