/** LOCALE_FALLBACKS: parsing, refusal of what has no order, and the chain each locale follows. */
import { describe, expect, it } from 'vitest';
import { fallbackChain, parseLocaleFallbacks, unknownFallbackLocales } from '../../server/src/locales/fallback-chains';
import { mergeTexts } from '../../server/src/domain/text-fallback';

const available = ['en', 'ar', 'ca', 'cs', 'es', 'pt'];

describe('parseLocaleFallbacks', () => {
  it('reads rules separated by semicolons, fallbacks by commas, spaces allowed', () => {
    expect([...parseLocaleFallbacks(' ar:en ; ca: es, en ;')]).toEqual([
      ['ar', ['en']],
      ['ca', ['es', 'en']],
    ]);
    expect(parseLocaleFallbacks('').size).toBe(0);
    expect(parseLocaleFallbacks(undefined).size).toBe(0);
  });

  it.each([
    ['ar', /not of the form/],
    ['ar:', /not of the form/],
    ['ar:EN', /“EN” in “ar:EN” is not a locale code/],
    ['ar:en;ar:es', /ar is configured twice/],
    ['ar:ar', /cannot fall back to itself/],
    ['ar:en,en', /names a fallback twice/],
    ['ca:es;es:pt;pt:ca', /cycle \(ca → es → pt → ca\)/],
  ])('refuses %s with a clear error', (value, message) => {
    expect(() => parseLocaleFallbacks(value)).toThrow(message);
    expect(() => parseLocaleFallbacks(value)).toThrow(/^LOCALE_FALLBACKS: /);
  });

  it('names the locales the CMS does not have', () => {
    expect(unknownFallbackLocales(parseLocaleFallbacks('ca:es,xx;yy:en'), available)).toEqual(['xx', 'yy']);
  });
});

describe('fallbackChain', () => {
  it('is the locale, its fallbacks (each followed by its own), the default, then every other locale', () => {
    const config = parseLocaleFallbacks('ca:es;es:pt;ar:en');
    expect(fallbackChain('ca', config, 'en', available)).toEqual(['ca', 'es', 'pt', 'en', 'ar', 'cs']);
    expect(fallbackChain('ar', config, 'en', available)).toEqual(['ar', 'en', 'ca', 'cs', 'es', 'pt']);
    expect(fallbackChain('en', config, 'en', available)).toEqual(['en', 'ar', 'ca', 'cs', 'es', 'pt']);
  });

  it('skips a configured locale deleted since boot', () => {
    expect(fallbackChain('ca', parseLocaleFallbacks('ca:es,pt'), 'en', ['en', 'ca', 'pt'])).toEqual(['ca', 'pt', 'en']);
  });
});

describe('mergeTexts', () => {
  it('takes each missing field and answer from the first version of the chain that has it', () => {
    const merged = mergeTexts([
      { locale: 'cs', summary: 'Shrnutí', funding: '  ', answers: [{ questionKey: 'a', body: 'Česky', tools: [] }, { questionKey: 'b', body: '', tools: [] }] },
      { locale: 'es', funding: 'Ciudad', answers: [{ questionKey: 'b', body: 'En español', tools: ['t1'] }] },
      { locale: 'en', funding: 'City', objectives: 'Goals', organisation: 'City library', answers: [{ questionKey: 'a', body: 'English', tools: [] }, { questionKey: 'c', body: 'Only English', tools: [] }] },
    ]);
    expect(merged.texts).toEqual({ summary: 'Shrnutí', organisation: 'City library', contactDetails: null, funding: 'Ciudad', objectives: 'Goals', inspiration: null });
    expect(merged.fieldLocales).toEqual({ organisation: 'en', funding: 'es', objectives: 'en' });
    expect([...merged.answers.values()].map((answer) => [answer.questionKey, answer.locale, answer.body, answer.tools])).toEqual([
      ['a', 'cs', 'Česky', []],
      ['b', 'es', 'En español', ['t1']],
      ['c', 'en', 'Only English', []],
    ]);
  });
});
