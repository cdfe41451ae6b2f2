import { describe, expect, it } from 'vitest';
import ar from '../translations/ar.json';
import cs from '../translations/cs.json';
import en from '../translations/en.json';
import es from '../translations/es.json';

/** The names inside {…} of a message, ICU plural branches included ({count, plural, …} -> count). */
function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\s*([\w]+)\s*(?:,|\})/g)].map((match) => match[1] ?? ''))].sort();
}

const pageKeys = Object.keys(en).filter((key) => key.startsWith('translation.') || key.startsWith('xliff.'));

describe('translations of the translation page', () => {
  it.each([
    ['cs', cs],
    ['es', es],
    ['ar', ar],
  ] as const)('%s has every text, with the same placeholders as English', (_locale, file) => {
    const translations = file as Record<string, string>;
    for (const key of pageKeys) {
      expect(translations[key], key).toBeTypeOf('string');
      expect(placeholders(translations[key] ?? ''), key).toEqual(placeholders(en[key as keyof typeof en]));
    }
  });
});
