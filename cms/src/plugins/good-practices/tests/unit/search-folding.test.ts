/**
 * The list's text search folds each practice's texts once per content generation and matches the
 * query against the folded text (read-model/practice-search-index.ts); the result must be the
 * contract's matchesQuery, which the static site applies to the same texts.
 */
import { describe, expect, it } from 'vitest';
import { foldText, matchesQuery } from '../../contract';
import { matchesFolded } from '../../server/src/read-model/practice-search-index';

const texts = ['Ženy v zaměstnání', 'Kurzy ČEŠTINY pro dospělé', 'Intégration des réfugiés à Paris', 'Straße und İstanbul', 'مساعدة اللاجئين'];
const queries = ['zeny', 'ŽENY zaměstnání', 'cestiny kurzy', 'integration REFUGIES', 'strasse', 'straße', 'istanbul', 'اللاجئين', 'paris berlin', '  dospělé  ', 'x'];

describe('matchesFolded', () => {
  it.each(['cs', 'fr', 'de', 'tr', 'ar', 'en'])('agrees with matchesQuery (%s)', (locale) => {
    for (const query of queries) {
      const haystack = foldText(texts.join('\n'), locale);
      expect({ query, match: matchesFolded(haystack, query, locale) }).toEqual({ query, match: matchesQuery(texts, query, locale) });
    }
  });
});
