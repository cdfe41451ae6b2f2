/**
 * Reading the comparison page's `practices` parameter (src/lib/site/compare-query.ts): both
 * spellings, normalisation, and bounded handling of junk. The page's answers to each outcome are
 * checked against the real site in tests/integration/compare.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { compareUrl, readCompareQuery } from '../../src/lib/site/compare-query';

const read = (query: string) => readCompareQuery(new URLSearchParams(query));

describe('readCompareQuery', () => {
  it('reads the comma-separated and the repeated form alike, in the visitor’s order', () => {
    expect(read('practices=b,a')).toEqual({ kind: 'ok', slugs: ['b', 'a'], canonical: true });
    expect(read('practices=b&practices=a')).toEqual({ kind: 'ok', slugs: ['b', 'a'], canonical: false });
    expect(read('practices=b&practices=a,c&practices=d')).toEqual({ kind: 'ok', slugs: ['b', 'a', 'c', 'd'], canonical: false });
  });

  it('normalises case, spaces, empty values and duplicates, and says the spelling was not canonical', () => {
    expect(read('practices=%20B%20,a,,b&practices=')).toEqual({ kind: 'ok', slugs: ['b', 'a'], canonical: false });
    expect(read('practices=a,b&utm_source=x')).toEqual({ kind: 'ok', slugs: ['a', 'b'], canonical: true });
  });

  it('tells no selection, too few, too many and junk apart', () => {
    expect(read('')).toEqual({ kind: 'empty' });
    expect(read('practices=&practices=,')).toEqual({ kind: 'empty' });
    expect(read('practices=a')).toEqual({ kind: 'too-few', slugs: ['a'] });
    expect(read('practices=a,a,A')).toEqual({ kind: 'too-few', slugs: ['a'] });
    expect(read('practices=a,b,c,d,e')).toEqual({ kind: 'too-many', count: 5 });
    expect(read('practices=a,<b>')).toEqual({ kind: 'invalid' });
    expect(read('practices=a,b_c')).toEqual({ kind: 'invalid' });
    expect(read(`practices=a,${'b'.repeat(201)}`)).toEqual({ kind: 'invalid' });
  });

  it('stops reading at 16 values or 3,216 characters', () => {
    expect(read(Array.from({ length: 17 }, () => 'practices=a').join('&'))).toEqual({ kind: 'invalid' });
    expect(read(Array.from({ length: 16 }, () => 'practices=a').join('&'))).toEqual({ kind: 'too-few', slugs: ['a'] });
    expect(read(`practices=${Array.from({ length: 1000 }, (_, i) => `p${i}`).join(',')}`)).toEqual({ kind: 'invalid' });
  });
});

describe('compareUrl', () => {
  it('writes the canonical spelling, which reads back as canonical', () => {
    expect(compareUrl('ar', ['b', 'a'])).toBe('/ar/compare/?practices=b,a');
    expect(readCompareQuery(new URL(compareUrl('en', ['x-1', 'y'])!, 'http://h').searchParams)).toEqual({ kind: 'ok', slugs: ['x-1', 'y'], canonical: true });
  });
});
