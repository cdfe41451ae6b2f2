import { describe, expect, it } from 'vitest';
import type { LocaleTranslationStatus, TranslationAreaStatus } from '../../../contract/admin-api';
import { countsOf, localeCounts, localeView, rowsOf } from './status-rows';

const PRACTICE = 'plugin::good-practices.practice';
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const ref = (documentId: string, label: string) => ({ kind: 'practice' as const, uid: PRACTICE, documentId, key: null, label, published: true });
const empty = (): TranslationAreaStatus => ({ total: 0, missing: [], outdated: [], incomplete: [] });

const practices: TranslationAreaStatus = {
  total: 5,
  missing: [ref('m1', 'Zebra café')],
  outdated: [{ ...ref('o1', 'Language café'), translationDocumentId: 'o1', fields: ['title', 'answers/q.1/body'], basis: 'fingerprint' }],
  incomplete: [
    { ...ref('o1', 'Language café'), translationDocumentId: 'o1', fields: ['summary'] },
    { ...ref('i1', 'Buddy scheme'), translationDocumentId: 'i1', fields: ['funding'] },
  ],
};

const cs: LocaleTranslationStatus = {
  locale: 'cs',
  name: 'Czech',
  areas: {
    practices,
    tools: empty(),
    framework: {
      total: 2,
      missing: [],
      outdated: [{ kind: 'question', uid: 'plugin::good-practices.question', documentId: 'q-en', translationDocumentId: 'q-cs', key: 'q.1', label: 'Who?', published: null, fields: ['text'], basis: 'updatedAt' }],
      incomplete: [],
    },
    taxonomies: empty(),
    site: { total: 1, missing: [], outdated: [], incomplete: [] },
  },
};

describe('translation status rows', () => {
  it('lists an entry once with every problem, ordered by label', () => {
    const rows = rowsOf(practices, collator);
    expect(rows.map((row) => row.label)).toEqual(['Buddy scheme', 'Language café', 'Zebra café']);
    const cafe = rows.find((row) => row.documentId === 'o1');
    expect(cafe).toMatchObject({ problems: ['outdated', 'incomplete'], outdatedFields: ['title', 'answers/q.1/body'], untranslatedFields: ['summary'], outdatedByTime: false });
    expect(rows.find((row) => row.documentId === 'm1')?.problems).toEqual(['missing']);
  });

  it('links a translated entry matched by key to the translation, and flags staleness decided by save times', () => {
    const [question] = rowsOf(cs.areas.framework, collator);
    expect(question).toMatchObject({ documentId: 'q-cs', key: 'q.1', problems: ['outdated'], outdatedByTime: true });
  });

  it('counts entries that need work once, whatever the number of problems', () => {
    expect(countsOf(practices)).toEqual({ total: 5, missing: 1, outdated: 1, incomplete: 2, upToDate: 2 });
    expect(localeCounts(cs)).toEqual({ total: 8, missing: 1, outdated: 2, incomplete: 2, upToDate: 4 });
  });

  it('filters rows by problem but keeps every area with its counts', () => {
    const outdated = localeView(cs, 'outdated', collator);
    expect(outdated.map((view) => view.area)).toEqual(['practices', 'tools', 'framework', 'taxonomies', 'site']);
    expect(outdated[0]?.rows.map((row) => row.documentId)).toEqual(['o1']);
    expect(outdated[0]?.counts.missing).toBe(1);
    expect(localeView(cs, 'missing', collator)[0]?.rows.map((row) => row.documentId)).toEqual(['m1']);
    expect(localeView(cs, 'incomplete', collator)[0]?.rows.map((row) => row.documentId)).toEqual(['i1', 'o1']);
    expect(localeView(cs, 'all', collator)[0]?.rows).toHaveLength(3);
    expect(localeView(cs, 'all', collator)[4]?.rows).toEqual([]);
  });
});
