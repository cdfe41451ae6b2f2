import { describe, expect, it } from 'vitest';
import { visitorTexts } from '../../src/lib/data/visitor-texts';

const framework = {
  locale: 'ar',
  groups: [
    {
      key: 'inclusivity',
      order: 1,
      title: 'الشمول والمشاركة',
      description: null,
      questions: [{ key: 'inclusivity.accessible-services', order: 1, text: 'سؤال', items: [{ key: 'inclusivity.accessible-services.1', order: 1, text: 'بند' }] }],
    },
  ],
};
const taxonomies = {
  locale: 'ar',
  // Housing has no Arabic name: the CMS names it along ar's chain, in English, and says so.
  integrationAreas: [
    { key: 'employment', name: 'العمل', locale: 'ar' },
    { key: 'housing', name: 'Housing', locale: 'en' },
  ],
  targetGroups: [],
};

describe('visitor texts of a fallback practice', () => {
  it('takes framework and taxonomy texts in the visitor language, unmarked', () => {
    const texts = visitorTexts('ar', 'en', framework, taxonomies);
    expect(texts.group('inclusivity', 'Inclusivity & Participation')).toEqual({ text: 'الشمول والمشاركة', lang: undefined });
    expect(texts.question('inclusivity.accessible-services', 'Q')).toEqual({ text: 'سؤال', lang: undefined });
    expect(texts.item('inclusivity.accessible-services.1', 'I')).toEqual({ text: 'بند', lang: undefined });
    expect(texts.term('integrationAreas', { key: 'employment', name: 'Employment', locale: 'en' })).toEqual({ text: 'العمل', lang: undefined });
  });

  it('keeps the practice language, marked, where the visitor language has no text', () => {
    const texts = visitorTexts('ar', 'en', framework, taxonomies);
    expect(texts.group('relevance', 'Relevance & Complementarity')).toEqual({ text: 'Relevance & Complementarity', lang: 'en' });
    expect(texts.term('targetGroups', { key: 'women', name: 'Women', locale: 'en' })).toEqual({ text: 'Women', lang: 'en' });
    // A term the visitor's locale names in a language of its chain carries that language.
    expect(texts.term('integrationAreas', { key: 'housing', name: 'Housing', locale: 'en' })).toEqual({ text: 'Housing', lang: 'en' });
  });

  it('changes nothing when the practice is in the visitor language', () => {
    const texts = visitorTexts('ar', undefined, framework, taxonomies);
    expect(texts.group('inclusivity', 'Inclusivity & Participation')).toEqual({ text: 'Inclusivity & Participation', lang: undefined });
    // Its terms come named along the visitor's chain by the CMS: marked by their own language.
    expect(texts.term('integrationAreas', { key: 'employment', name: 'العمل', locale: 'ar' })).toEqual({ text: 'العمل', lang: undefined });
    expect(texts.term('integrationAreas', { key: 'education', name: 'Education', locale: 'en' })).toEqual({ text: 'Education', lang: 'en' });
  });
});
