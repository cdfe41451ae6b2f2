import { describe, expect, it } from 'vitest';
import {
  alternatesFor,
  autonym,
  canonicalFor,
  countryName,
  createTranslator,
  defaultLocaleOf,
  directionOf,
  formatDate,
  languageName,
  negotiateLocale,
  resolveWithFallback,
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

describe('locale negotiation (Accept-Language)', () => {
  const available = ['en', 'cs', 'ar', 'pt-BR'];
  it('picks the highest-quality available tag', () => {
    expect(negotiateLocale('cs-CZ,cs;q=0.9,en;q=0.8', available, 'en')).toBe('cs');
    expect(negotiateLocale('de;q=0.9, ar;q=0.95', available, 'en')).toBe('ar');
    expect(negotiateLocale('pt-br', available, 'en')).toBe('pt-BR');
    expect(negotiateLocale('pt-PT', available, 'en')).toBe('pt-BR');
  });
  it('falls back to the default for nothing usable', () => {
    expect(negotiateLocale(null, available, 'en')).toBe('en');
    expect(negotiateLocale('', available, 'en')).toBe('en');
    expect(negotiateLocale('*', available, 'en')).toBe('en');
    expect(negotiateLocale('de, fr;q=0.5', available, 'en')).toBe('en');
    expect(negotiateLocale('cs;q=0', available, 'en')).toBe('en');
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

describe('hreflang and canonical', () => {
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
  it('points a fallback page canonical at the default-locale URL', () => {
    expect(canonicalFor('/cs/practices/a/', '/en/practices/a/', 'https://gp.example')).toBe('https://gp.example/en/practices/a/');
    expect(canonicalFor('/cs/practices/a/', null, 'https://gp.example')).toBe('https://gp.example/cs/practices/a/');
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
