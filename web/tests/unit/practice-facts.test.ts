/**
 * The open data's facts of practice details, kept between static builds by the detail's digest
 * (src/lib/data/practice-facts.ts): a build reads only the details it has not seen, and the kept
 * file holds the current details' facts only. Real detail files written as the content loader
 * writes them (src/lib/cms/loaders/detail-files.ts).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PracticeDetail } from 'strapi-plugin-good-practices/contract';
import { detailFactsFile as factsFileOf, writeDetails, type DetailRef } from '../../src/lib/cms/loaders/detail-files';
import { factsByDigest, factsOf } from '../../src/lib/data/practice-facts';

const root = mkdtempSync(join(tmpdir(), 'gp-practice-facts-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A detail with what the facts take from it (the rest of a detail does not matter here). */
function detail(n: number, state: 'met' | 'not-met' | 'not-assessed'): PracticeDetail {
  return {
    documentId: `doc-${n}`,
    organisation: `Organisation ${n}`,
    validationStatus: 'validated',
    website: `https://example.org/${n}`,
    groups: [{ key: 'g', questions: [{ key: 'g.q', items: [{ key: 'g.q.a', state }, { key: 'g.q.b', state: 'met' }] }] }],
  } as unknown as PracticeDetail;
}

describe('the facts of practice details', () => {
  it('takes the organisation, validation status, website and every checklist state', () => {
    expect(factsOf(detail(1, 'not-met'))).toEqual({
      organisation: 'Organisation 1',
      validationStatus: 'validated',
      website: 'https://example.org/1',
      checklist: { 'g.q.a': 'not-met', 'g.q.b': 'met' },
    });
  });

  it('reads a detail once: later builds take its facts from the kept file, and the file keeps the current details only', async () => {
    const folder = join(root, 'practices-cms');
    mkdirSync(folder);
    // More details than readDetail keeps parsed in memory (32), so a second read would hit the file.
    const refs = await writeDetails(folder, 'first', Array.from({ length: 40 }, (_, n) => detail(n, 'met')));
    const first = factsByDigest(refs);
    expect(first.size).toBe(40);
    expect(first.get(refs[7]!.digest)?.organisation).toBe('Organisation 7');
    expect(existsSync(factsFileOf(folder))).toBe(true);

    // The details' file is gone: only the kept facts can answer.
    rmSync(refs[0]!.file);
    const again = factsByDigest(refs);
    expect([...again.values()]).toEqual([...first.values()]);

    // One practice changed (a new detail in a new file, as the loader writes it), one removed.
    const [changed] = await writeDetails(folder, 'second', [detail(3, 'not-met')]);
    const current: DetailRef[] = [...refs.filter((_, n) => n !== 3 && n !== 5), changed!];
    const after = factsByDigest(current);
    expect(after.get(changed!.digest)?.checklist['g.q.a']).toBe('not-met');
    const kept = JSON.parse(readFileSync(factsFileOf(folder), 'utf8')) as { facts: Record<string, unknown> };
    expect(Object.keys(kept.facts).sort()).toEqual(current.map((ref) => ref.digest).sort());
  });

  it('reads the details again when the kept file is damaged', async () => {
    const folder = join(root, 'practices-damaged');
    mkdirSync(folder);
    const refs = await writeDetails(folder, 'only', [detail(1, 'met'), detail(2, 'not-met')]);
    writeFileSync(factsFileOf(folder), '{"format":1,"facts":{');
    expect(factsByDigest(refs).get(refs[1]!.digest)?.checklist['g.q.a']).toBe('not-met');
    expect(JSON.parse(readFileSync(factsFileOf(folder), 'utf8')).format).toBe(1);
  });
});
