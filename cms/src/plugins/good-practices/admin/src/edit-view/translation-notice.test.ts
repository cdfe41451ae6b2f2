import { describe, expect, it } from 'vitest';
import { languageList, translationComplete, translationNoticeParts } from './translation-notice';

describe('the translation notice', () => {
  it('counts the untranslated answers and fields, with the languages read instead in chain order, and what no language has', () => {
    const parts = translationNoticeParts({
      sourceLocale: 'en',
      fields: [
        { field: 'funding', readIn: 'en' },
        { field: 'objectives', readIn: 'es' },
      ],
      answers: {
        total: 11,
        untranslated: [
          { questionKey: 'a', readIn: 'es' },
          { questionKey: 'b', readIn: 'en' },
          { questionKey: 'c', readIn: 'es' },
          { questionKey: 'd', readIn: null },
        ],
      },
    });
    expect(parts).toEqual({
      answers: { count: 4, total: 11, readIn: ['es', 'en'], unseen: 1 },
      fields: { count: 2, names: ['funding', 'objectives'], readIn: ['en', 'es'], unseen: 0 },
    });
    expect(translationComplete(parts)).toBe(false);
  });

  it('says a full translation is complete', () => {
    expect(translationComplete(translationNoticeParts({ sourceLocale: 'en', fields: [], answers: { total: 3, untranslated: [] } }))).toBe(true);
  });

  it('names languages in the interface language', () => {
    expect(languageList(['es', 'en'], 'en')).toBe('Spanish and English');
    expect(languageList(['en'], 'cs')).toBe('angličtina');
    expect(languageList(['en'], 'es')).toBe('inglés');
  });
});
