import { describe, expect, it } from 'vitest';
import type { Locale } from 'strapi-plugin-good-practices/contract';
import { entryElsewhere, switcherLinks } from '../../src/lib/i18n/switcher';
import { paths } from '../../src/lib/site/urls';

const locales: Locale[] = [
  { code: 'en', name: 'English (en)', isDefault: true, dir: 'ltr', fallbacks: ['cs', 'es', 'ar'] },
  { code: 'cs', name: 'Czech (cs)', isDefault: false, dir: 'ltr', fallbacks: ['en', 'ar', 'es'] },
  { code: 'es', name: 'Spanish (es)', isDefault: false, dir: 'ltr', fallbacks: ['en', 'ar', 'cs'] },
  { code: 'ar', name: 'Arabic (ar)', isDefault: false, dir: 'rtl', fallbacks: ['en', 'cs', 'es'] },
];

describe('language switcher links', () => {
  it('lists every locale for a practice in one language only: the fallback pages at the default slug', () => {
    const entry = [{ locale: 'en', slug: 'migracode' }];
    const elsewhere = entryElsewhere(entry, 'en', paths.practice, paths.home);
    const translations = new Map(entry.map((l) => [l.locale, paths.practice(l.locale, l.slug)]));
    const links = switcherLinks(locales, 'en', '/en/practices/migracode/', translations, elsewhere);
    // The default locale first, then by code, whatever order the locale list came in.
    expect(links.map((l) => [l.code, l.href, l.current, l.translated])).toEqual([
      ['en', '/en/practices/migracode/', true, true],
      ['ar', '/ar/practices/migracode/', false, false],
      ['cs', '/cs/practices/migracode/', false, false],
      ['es', '/es/practices/migracode/', false, false],
    ]);
    expect(links.map((l) => l.name)).toEqual(['English', 'العربية', 'Čeština', 'Español']);
    expect(switcherLinks([...locales].reverse(), 'en', '/en/', new Map(), paths.home).map((l) => l.code)).toEqual(['en', 'ar', 'cs', 'es']);
    expect(links.find((l) => l.code === 'ar')?.dir).toBe('rtl');
  });

  it('links a translation under its own slug, and other locales to the default slug’s fallback page', () => {
    const entry = [
      { locale: 'en', slug: 'migracode' },
      { locale: 'es', slug: 'migracode-es' },
    ];
    const translations = new Map(entry.map((l) => [l.locale, paths.practice(l.locale, l.slug)]));
    const links = switcherLinks(locales, 'cs', '/cs/practices/migracode/', translations, entryElsewhere(entry, 'en', paths.practice, paths.home));
    expect(Object.fromEntries(links.map((l) => [l.code, l.href]))).toEqual({
      en: '/en/practices/migracode/',
      cs: '/cs/practices/migracode/',
      es: '/es/practices/migracode-es/',
      ar: '/ar/practices/migracode/',
    });
    expect(links.filter((l) => l.current).map((l) => l.code)).toEqual(['cs']);
  });

  it('sends a locale to its home when the entry has no default-locale version to fall back to', () => {
    const entry = [{ locale: 'es', slug: 'solo-es' }];
    const elsewhere = entryElsewhere(entry, 'en', paths.practice, paths.home);
    expect(elsewhere('cs')).toBe('/cs/');
  });
});
