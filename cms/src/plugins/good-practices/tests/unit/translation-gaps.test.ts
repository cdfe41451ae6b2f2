/** What a translation lacks of its source, and the language visitors read each missing text in. */
import { describe, expect, it } from 'vitest';
import { isComplete, translationGaps } from '../../server/src/domain/translation-gaps';

const answer = (questionKey: string, body: string) => ({ questionKey, body, tools: [] });
const source = {
  locale: 'en',
  summary: 'Summary.',
  objectives: 'Objectives.',
  funding: 'City.',
  contactDetails: '',
  answers: [answer('a.one', 'One.'), answer('a.two', 'Two.'), answer('a.three', 'Three.'), answer('a.blank', '  ')],
};

describe('translationGaps', () => {
  it('lists the texts the source has and the translation lacks, each with the first language of the chain that has it', () => {
    const translation = { locale: 'ca', summary: 'Resum.', objectives: ' ', answers: [answer('a.one', 'U.'), answer('a.two', '')] };
    const spanish = { locale: 'es', objectives: 'Objetivos.', answers: [answer('a.two', 'Dos.')] };
    const gaps = translationGaps(translation, source, [spanish, source]);
    expect(gaps).toEqual({
      sourceLocale: 'en',
      fields: [
        { field: 'funding', readIn: 'en' },
        { field: 'objectives', readIn: 'es' },
      ],
      answers: {
        total: 3,
        untranslated: [
          { questionKey: 'a.two', readIn: 'es' },
          { questionKey: 'a.three', readIn: 'en' },
        ],
      },
    });
    expect(isComplete(gaps)).toBe(false);
  });

  it('says null where no published version of the chain has the text (visitors do not see it)', () => {
    const gaps = translationGaps({ locale: 'cs', summary: 'Shrnutí.' }, source, []);
    expect(gaps.fields.map((gap) => gap.readIn)).toEqual([null, null]);
    expect(gaps.answers.untranslated.every((gap) => gap.readIn === null)).toBe(true);
  });

  it('finds nothing lacking in a full translation, nor for texts the source does not have either', () => {
    const full = { locale: 'cs', summary: 'S.', objectives: 'C.', funding: 'M.', inspiration: 'Extra.', answers: source.answers.slice(0, 3).map((a) => answer(a.questionKey, `${a.body} (cs)`)) };
    expect(isComplete(translationGaps(full, source, [source]))).toBe(true);
  });
});
