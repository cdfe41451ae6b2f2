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
const taxonomies = { locale: 'ar', integrationAreas: [{ key: 'employment', name: 'العمل' }], targetGroups: [] };

describe('visitor texts of a fallback practice', () => {
  it('takes framework and taxonomy texts in the visitor language, unmarked', () => {
    const texts = visitorTexts('en', framework, taxonomies);
    expect(texts.group('inclusivity', 'Inclusivity & Participation')).toEqual({ text: 'الشمول والمشاركة', lang: undefined });
    expect(texts.question('inclusivity.accessible-services', 'Q')).toEqual({ text: 'سؤال', lang: undefined });
    expect(texts.item('inclusivity.accessible-services.1', 'I')).toEqual({ text: 'بند', lang: undefined });
    expect(texts.term('integrationAreas', { key: 'employment', name: 'Employment' })).toEqual({ text: 'العمل', lang: undefined });
  });

  it('keeps the practice language, marked, where the visitor language has no text', () => {
    const texts = visitorTexts('en', framework, taxonomies);
    expect(texts.group('relevance', 'Relevance & Complementarity')).toEqual({ text: 'Relevance & Complementarity', lang: 'en' });
    expect(texts.term('targetGroups', { key: 'women', name: 'Women' })).toEqual({ text: 'Women', lang: 'en' });
  });

  it('changes nothing when the practice is in the visitor language', () => {
    const texts = visitorTexts(undefined, framework, taxonomies);
    expect(texts.group('inclusivity', 'Inclusivity & Participation')).toEqual({ text: 'Inclusivity & Participation', lang: undefined });
  });
});
