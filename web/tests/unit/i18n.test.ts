import { describe, expect, it } from 'vitest';
import {
  alternatesFor,
  autonym,
  countryName,
  createTranslator,
  defaultLocaleOf,
  directionOf,
  formatDate,
  langAttributes,
  languageName,
  negotiateLocale,
  resolveWithFallback,
  translatorFor,
} from '../../src/lib/i18n';
import { defaultLabels } from '../../src/lib/i18n/labels';

describe('translator', () => {
  it('uses the CMS label when present and the English default per missing key', () => {
    const t = createTranslator({ 'state.met': 'Splněno', 'state.not-met': '  ' });
    expect(t('state.met')).toBe('Splněno');
    expect(t('state.not-met')).toBe(defaultLabels['state.not-met']);
    expect(t('state.not-assessed')).toBe('Not assessed');
    expect(createTranslator(undefined)('nav.home')).toBe('Home');
  });

  it('fills placeholders, leaving unknown ones visible', () => {
    const t = createTranslator({ 'score.summary': '{met} z {total} splněno {x}' });
    expect(t('score.summary', { met: 4, total: 4 })).toBe('4 z 4 splněno {x}');
    expect(createTranslator(null)('score.summary', { met: 3, total: 9 })).toBe('3 of 9 criteria met');
  });
});

describe('page translator: a missing key falls back whole, and says in which language', () => {
  const cs = { locale: 'cs', labels: { 'state.met': 'Splněno', 'nav.home': '  ' } };
  const de = { locale: 'de', labels: { 'state.met': 'Erfüllt', 'nav.home': 'Startseite', 'fallback.notice': 'Diese Seite gibt es noch nicht auf {language}. Sie wird auf {fallbackLanguage} gezeigt.' } };

  it('takes each key from the own labels, else the default locale’s CMS labels, else the built-in English', () => {
    const t = translatorFor(cs, [de]);
    expect(t.label('state.met')).toEqual({ text: 'Splněno', lang: 'cs' });
    expect(t.label('nav.home')).toEqual({ text: 'Startseite', lang: 'de' });
    expect(t.label('state.not-met')).toEqual({ text: 'Not met', lang: 'en' });
    expect(t('nav.home')).toBe('Startseite');
    expect(t.locale).toBe('cs');
  });

  it('gives lang (and dir when it differs) for a label not in the page language', () => {
    const t = translatorFor(cs, [de]);
    expect(t.attrs('state.met')).toEqual({});
    expect(t.attrs('nav.home')).toEqual({ lang: 'de' });
    const ar = translatorFor({ locale: 'ar', labels: { 'state.met': 'مستوفى' } });
    expect(ar.attrs('state.met')).toEqual({});
    expect(ar.attrs('state.not-met')).toEqual({ lang: 'en', dir: 'ltr' });
    expect(langAttributes('ar', 'en')).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(langAttributes('en', 'en')).toEqual({});
    expect(langAttributes(undefined, 'en')).toEqual({});
  });

  it('fills a fallback sentence with values in the sentence’s own language (never “shown in Englisch”)', () => {
    const names = (lang: string) => ({ language: languageName('de', lang), fallbackLanguage: languageName('en', lang) });
    // A new locale (German) without its own labels: the whole sentence is English, names too.
    const newLocale = translatorFor({ locale: 'de', labels: null }).label('fallback.notice', names);
    expect(newLocale).toEqual({ text: 'This page is not yet available in German. It is shown in English.', lang: 'en' });
    // With the label translated, all German.
    expect(translatorFor(de).label('fallback.notice', names)).toEqual({
      text: 'Diese Seite gibt es noch nicht auf Deutsch. Sie wird auf Englisch gezeigt.',
      lang: 'de',
    });
    expect(translatorFor(de).label('score.summary', { met: 2, total: 3 }).text).toBe('2 of 3 criteria met');
  });
});

describe('locale negotiation (Accept-Language)', () => {
  const available = ['en', 'cs', 'ar', 'pt-BR'];
  it('picks the highest-quality available tag', () => {
    expect(negotiateLocale('cs-CZ,cs;q=0.9,en;q=0.8', available, 'en')).toBe('cs');
    expect(negotiateLocale('de;q=0.9, ar;q=0.95', available, 'en')).toBe('ar');
    expect(negotiateLocale('pt-br', available, 'en')).toBe('pt-BR');
    expect(negotiateLocale('pt-PT', available, 'en')).toBe('pt-BR');
  });
  it('maps region subtags to the language and truncates longer tags (RFC 4647 lookup)', () => {
    expect(negotiateLocale('cs-CZ', available, 'en')).toBe('cs');
    expect(negotiateLocale('ar-EG,en;q=0.5', available, 'en')).toBe('ar');
    expect(negotiateLocale('pt', available, 'en')).toBe('pt-BR');
    expect(negotiateLocale('pt-PT', ['en', 'pt', 'pt-BR'], 'en')).toBe('pt');
    expect(negotiateLocale('pt-BR', ['en', 'pt', 'pt-BR'], 'en')).toBe('pt-BR');
    expect(negotiateLocale('zh-Hant-TW', ['en', 'zh', 'zh-Hant'], 'en')).toBe('zh-Hant');
    expect(negotiateLocale('cs_CZ', available, 'en')).toBe('cs');
  });
  it('keeps header order between equal qualities, and ranks by quality over order', () => {
    expect(negotiateLocale('ar, cs', available, 'en')).toBe('ar');
    expect(negotiateLocale('cs;q=0.8, ar;q=0.8', available, 'en')).toBe('cs');
    expect(negotiateLocale('de, cs;q=0.2, ar;q=0.3', available, 'en')).toBe('ar');
    expect(negotiateLocale('cs ; q=0.5 , ar ;q=0.6', available, 'en')).toBe('ar');
  });
  it('reads the wildcard as any locale, the default first, and honours q=0 exclusions', () => {
    expect(negotiateLocale('*', available, 'en')).toBe('en');
    expect(negotiateLocale('de, *;q=0.5', available, 'cs')).toBe('cs');
    expect(negotiateLocale('en;q=0, *', available, 'en')).toBe('cs');
    expect(negotiateLocale('cs-CZ, cs;q=0, ar;q=0.5', available, 'en')).toBe('ar');
    expect(negotiateLocale('cs;q=0', available, 'en')).toBe('en');
  });
  it('ignores malformed ranges and weights instead of preferring them', () => {
    expect(negotiateLocale('cs;q=2, ar;q=0.5', available, 'en')).toBe('ar');
    expect(negotiateLocale('cs;q=abc, ar;q=0.1', available, 'en')).toBe('ar');
    expect(negotiateLocale('cs;q=0.0001, ar;q=0.1', available, 'en')).toBe('ar');
    expect(negotiateLocale('<script>, ../cs, ar', available, 'en')).toBe('ar');
    expect(negotiateLocale(`${'x,'.repeat(100_000)}cs`, available, 'en')).toBe('en');
  });
  it('falls back to the default for nothing usable', () => {
    expect(negotiateLocale(null, available, 'en')).toBe('en');
    expect(negotiateLocale('', available, 'en')).toBe('en');
    expect(negotiateLocale('de, fr;q=0.5', available, 'en')).toBe('en');
  });
});

describe('default-locale fallback', () => {
  const store: Record<string, string | null> = { en: 'English text', cs: null, ar: 'نص' };
  const lookup = async (locale: string) => store[locale] ?? null;

  it('returns the own translation when it exists', async () => {
    expect(await resolveWithFallback('ar', 'en', lookup)).toEqual({ data: 'نص', contentLocale: 'ar', isFallback: false });
  });
  it('falls back to the default locale, flagged', async () => {
    expect(await resolveWithFallback('cs', 'en', lookup)).toEqual({ data: 'English text', contentLocale: 'en', isFallback: true });
  });
  it('is null when missing in both, or in the default itself', async () => {
    expect(await resolveWithFallback('cs', 'en', async () => null)).toBeNull();
    expect(await resolveWithFallback('en', 'en', async () => null)).toBeNull();
  });
  it('never turns a failure into a fallback', async () => {
    await expect(resolveWithFallback('cs', 'en', async () => Promise.reject(new Error('CMS down')))).rejects.toThrow('CMS down');
  });
});

describe('hreflang', () => {
  it('lists only the locales where the page exists, plus x-default', () => {
    const existsIn = new Map([
      ['en', '/en/practices/migracode/'],
      ['ar', '/ar/practices/migracode/'],
    ]);
    expect(alternatesFor(existsIn, 'en', 'https://gp.example')).toEqual([
      { hreflang: 'en', href: 'https://gp.example/en/practices/migracode/' },
      { hreflang: 'ar', href: 'https://gp.example/ar/practices/migracode/' },
      { hreflang: 'x-default', href: 'https://gp.example/en/practices/migracode/' },
    ]);
    expect(alternatesFor(new Map([['cs', '/cs/x/']]), 'en', 'https://gp.example').map((a) => a.hreflang)).toEqual(['cs']);
  });
});

describe('Intl helpers', () => {
  it('derives direction from the locale', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('fa-IR')).toBe('rtl');
    expect(directionOf('cs')).toBe('ltr');
    expect(directionOf('not a locale')).toBe('ltr');
  });
  it('names countries and languages in the visitor language', () => {
    expect(countryName('DE', 'cs')).toBe('Německo');
    expect(countryName('DE', 'en')).toBe('Germany');
    expect(languageName('cs', 'en')).toBe('Czech');
    expect(autonym('cs')).toBe('Čeština');
    expect(autonym('ar')).toBe('العربية');
  });
  it('formats ISO dates without timezone drift', () => {
    expect(formatDate('2019-03-01', 'en')).toBe('March 1, 2019');
    expect(formatDate('2019-03-01', 'cs')).toBe('1. března 2019');
    expect(formatDate('nonsense', 'en')).toBe('nonsense');
  });
  it('gives the same answers from its cached formatters, and falls back the same for a bad locale tag, every time', () => {
    for (let round = 0; round < 3; round++) {
      expect(formatDate('2019-03-01', 'cs')).toBe('1. března 2019');
      expect(formatDate('2019-03-01', 'en')).toBe('March 1, 2019');
      expect(countryName('DE', 'cs')).toBe('Německo');
      expect(autonym('cs')).toBe('Čeština');
      expect(formatDate('2019-03-01', 'not a locale!')).toBe('2019-03-01');
      expect(countryName('DE', 'not a locale!')).toBe('DE');
      expect(languageName('cs', 'not a locale!')).toBe('cs');
      expect(autonym('not a locale!')).toBe('not a locale!');
    }
  });
  it('finds the default locale of the CMS list', () => {
    expect(defaultLocaleOf([{ code: 'cs', name: 'cs', isDefault: false, dir: 'ltr', fallbacks: ['de'] }, { code: 'de', name: 'de', isDefault: true, dir: 'ltr', fallbacks: ['cs'] }]).code).toBe('de');
    expect(() => defaultLocaleOf([])).toThrow();
  });
});
