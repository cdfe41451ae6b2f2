import { describe, expect, it } from 'vitest';
import { samplePractices } from '../helpers/practice-samples';
import { practiceSorts } from 'strapi-plugin-good-practices/contract';
import { meetsGroup, queryPractices, querySortedSummaries, sortPractices, toSummary } from '../../src/lib/data/static-query';

const en = samplePractices();
const query = { page: 1, pageSize: 25, sort: 'updatedAt:desc' as const };

describe('static list query (the CMS list semantics, answered from the collection)', () => {
  it('paginates', () => {
    const first = queryPractices(en, query, 'en');
    expect(first.meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 2, total: 27 });
    expect(first.data).toHaveLength(25);
    expect(queryPractices(en, { ...query, page: 2 }, 'en').data).toHaveLength(2);
  });
  it('filters by country, area, target group, group fully met and item met', () => {
    expect(queryPractices(en, { ...query, country: 'NL' }, 'en').data.every((p) => p.country === 'NL')).toBe(true);
    expect(queryPractices(en, { ...query, area: 'education' }, 'en').data.every((p) => p.integrationAreas.some((a) => a.key === 'education'))).toBe(true);
    expect(queryPractices(en, { ...query, targetGroup: 'women' }, 'en').data.every((p) => p.targetGroups.some((a) => a.key === 'women'))).toBe(true);
    const met = queryPractices(en, { ...query, groupMet: 'inclusivity' }, 'en').data;
    expect(met.map((p) => p.slug)).toEqual(['czech-qualification-recognition-portal']);
    expect(met.every((p) => meetsGroup(p, 'inclusivity'))).toBe(true);
    const item = queryPractices(en, { ...query, pageSize: 100, itemMet: 'inclusivity.accessible-services.1' }, 'en');
    expect(item.meta.pagination.total).toBeGreaterThan(0);
    expect(item.meta.pagination.total).toBeLessThan(27);
  });
  it('searches text and sorts', () => {
    expect(queryPractices(en, { ...query, q: 'migracode' }, 'en').data.map((p) => p.slug)).toEqual(['migracode']);
    // Like the CMS: case- and accent-insensitive, every word anywhere in title, summary or answers.
    expect(queryPractices(en, { ...query, q: 'MÍGRACODE' }, 'en').data.map((p) => p.slug)).toEqual(['migracode']);
    expect(queryPractices(en, { ...query, q: 'summary migracode' }, 'en').data.map((p) => p.slug)).toEqual(['migracode']);
    const titles = queryPractices(en, { ...query, pageSize: 100, sort: 'title:asc' }, 'en').data.map((p) => p.title);
    // Numbers compare as numbers, as in the CMS ("Practice number 9" before "Practice number 10").
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true })));
    expect(titles.indexOf('Practice number 9')).toBeLessThan(titles.indexOf('Practice number 10'));
    const dates = queryPractices(en, { ...query, pageSize: 100, sort: 'validationDate:desc' }, 'en').data.map((p) => p.validationDate);
    const firstNull = dates.indexOf(null);
    expect(dates.slice(firstNull).every((d) => d === null)).toBe(true);
  });
  it('returns summaries only (no answers)', () => {
    const [first] = queryPractices(en, query, 'en').data;
    expect(first).not.toHaveProperty('groups');
    expect(first).toHaveProperty('scores');
  });
  it('answers the path filters from summaries sorted once exactly as from the details', () => {
    const summaries = en.map(toSummary);
    const facets = [
      {},
      { country: 'NL' },
      { area: 'education' },
      { targetGroup: 'women' },
      { groupMet: 'inclusivity' },
      { groupMet: 'no-such-group' },
    ];
    for (const sort of practiceSorts) {
      const sorted = sortPractices(summaries, sort, 'en');
      for (const facet of facets) {
        for (const page of [1, 2, 3]) {
          const q = { ...query, ...facet, sort, page, pageSize: 10 };
          expect(querySortedSummaries(sorted, q), `${sort} ${JSON.stringify(facet)} ${page}`).toEqual(queryPractices(en, q, 'en'));
        }
      }
    }
    expect(() => querySortedSummaries(summaries, { ...query, q: 'migracode' })).toThrow(/server-mode/);
    expect(() => querySortedSummaries(summaries, { ...query, itemMet: 'inclusivity.accessible-services.1' })).toThrow(/server-mode/);
  });
});
