/** The site's side of the CMS's fallback chains: what a static build lists in each locale. */
import { describe, expect, it } from 'vitest';
import type { Locale } from 'strapi-plugin-good-practices/contract';
import { chainOf, shownInChain } from '../../src/lib/data/locale-chain';

const locales: Locale[] = [
  { code: 'en', name: 'English', isDefault: true, dir: 'ltr', fallbacks: ['ar', 'ca', 'cs', 'es'] },
  { code: 'ca', name: 'Catalan', isDefault: false, dir: 'ltr', fallbacks: ['es', 'en', 'ar', 'cs'] },
  { code: 'ar', name: 'Arabic', isDefault: false, dir: 'rtl', fallbacks: ['en', 'ca', 'cs', 'es'] },
];

describe('chainOf', () => {
  it('is the locale then its fallbacks, as the CMS says', () => {
    expect(chainOf(locales, 'ca')).toEqual(['ca', 'es', 'en', 'ar', 'cs']);
    expect(chainOf(locales, 'xx')).toEqual(['xx']);
  });
});

describe('shownInChain', () => {
  const entry = (documentId: string, locale: string) => ({ documentId, locale, slug: `${documentId}-${locale}` });
  const entries = [entry('a', 'en'), entry('a', 'es'), entry('b', 'en'), entry('c', 'cs'), entry('d', 'ca'), entry('d', 'en'), entry('e', 'fr')];

  it('keeps one version per document, the first of the chain, in the order of the entries', () => {
    expect(shownInChain(entries, chainOf(locales, 'ca')).map((e) => e.slug)).toEqual(['a-es', 'b-en', 'c-cs', 'd-ca']);
    expect(shownInChain(entries, chainOf(locales, 'ar')).map((e) => e.slug)).toEqual(['a-en', 'b-en', 'c-cs', 'd-en']);
  });

  it('ignores versions in locales outside the chain', () => {
    expect(shownInChain(entries, ['en']).map((e) => e.slug)).toEqual(['a-en', 'b-en', 'd-en']);
  });
});
