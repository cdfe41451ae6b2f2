/**
 * The list's text search folds each practice's texts once per content generation into a token
 * index (read-model/practice-search-index.ts); what it finds must be what the contract's
 * matchesQuery finds, which the static site applies to the same texts.
 */
import { describe, expect, it } from 'vitest';
import { foldText, matchesQuery } from '../../contract';
import { layeredIndex, tokenIndex } from '../../server/src/read-model/practice-search-index';

const texts = ['Ženy v zaměstnání', 'Kurzy ČEŠTINY pro dospělé', 'Intégration des réfugiés à Paris', 'Straße und İstanbul', 'مساعدة اللاجئين'];
const queries = ['zeny', 'ŽENY zaměstnání', 'cestiny kurzy', 'integration REFUGIES', 'strasse', 'straße', 'istanbul', 'اللاجئين', 'paris berlin', '  dospělé  ', 'x'];

describe('tokenIndex', () => {
  it.each(['cs', 'fr', 'de', 'tr', 'ar', 'en'])('finds exactly the texts matchesQuery finds, substrings included (%s)', (locale) => {
    const documents = texts.map((text, index) => [`doc${index}`, text] as const);
    const index = tokenIndex(documents.map(([id, text]) => [id, foldText(text, locale)] as const), locale);
    for (const query of [...queries, 'ntegr', 'ur', 'zam dosp', 'pa ri', '']) {
      const expected = documents.filter(([, text]) => matchesQuery([text], query, locale)).map(([id]) => id);
      expect({ query, found: [...index.matching(query)].sort() }).toEqual({ query, found: expected.sort() });
    }
  });

  it('counts its bytes and practices', () => {
    const index = tokenIndex([['a', 'one two two'], ['b', 'two three']], 'en');
    expect(index.practices).toBe(2);
    expect(index.bytes).toBeGreaterThan(0);
    expect([...index.matching('two')].sort()).toEqual(['a', 'b']);
    expect([...index.matching('one two')]).toEqual(['a']);
    expect([...index.matching('four')]).toEqual([]);
  });
});

describe('layeredIndex', () => {
  it('answers as an index built again from the practices as they are now', () => {
    const before = { a: 'housing for refugees', b: 'language courses', c: 'housing and jobs' };
    const built = tokenIndex(Object.entries(before), 'en');
    // b rewritten, c unpublished, d new; then a rewritten on a second layer.
    const first = layeredIndex(built, new Set(['b', 'c', 'd']), [['b', 'coding courses'], ['d', 'housing advice']], 'en');
    const index = layeredIndex(first, new Set(['a']), [['a', 'mentoring for refugees']], 'en');
    const now = { a: 'mentoring for refugees', b: 'coding courses', d: 'housing advice' };
    const rebuilt = tokenIndex(Object.entries(now), 'en');
    for (const query of ['housing', 'courses', 'refugees', 'language', 'jobs', 'cod', 'housing advice', '']) {
      expect({ query, found: [...index.matching(query)].sort() }).toEqual({ query, found: [...rebuilt.matching(query)].sort() });
    }
    expect(index.practices).toBe(3);
    expect(index.layers).toBe(2);
  });
});
