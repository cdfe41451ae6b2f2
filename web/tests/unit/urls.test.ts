import { describe, expect, it } from 'vitest';
import { emptyListState, feedUrl, hasPathForm, insightsUrl, listUrl, parseListRequest } from '../../src/lib/site/urls';

describe('list URLs', () => {
  const base = emptyListState();
  it('uses the path form for one facet and the default sort', () => {
    expect(listUrl('en', base)).toBe('/en/practices/');
    expect(listUrl('en', { ...base, page: 3 })).toBe('/en/practices/page/3/');
    expect(listUrl('cs', { ...base, country: 'DE' })).toBe('/cs/practices/country/DE/');
    expect(listUrl('cs', { ...base, targetGroup: 'young-people', page: 2 })).toBe('/cs/practices/target-group/young-people/page/2/');
    expect(listUrl('en', { ...base, groupMet: 'inclusivity' })).toBe('/en/practices/criteria/inclusivity/');
  });
  it('uses the query form otherwise', () => {
    expect(listUrl('en', { ...base, q: 'code club' })).toBe('/en/practices/?q=code+club');
    expect(listUrl('en', { ...base, country: 'DE', area: 'education', page: 2 })).toBe('/en/practices/?country=DE&area=education&page=2');
    expect(listUrl('en', { ...base, sort: 'title:asc' })).toBe('/en/practices/?sort=title%3Aasc');
    expect(hasPathForm({ ...base, itemMet: 'inclusivity.accessible-services.1' })).toBe(false);
  });
  it('parses what it builds', () => {
    for (const state of [base, { ...base, page: 2 }, { ...base, country: 'NL', page: 4 }, { ...base, area: 'education' }]) {
      const url = new URL(listUrl('en', state), 'http://x');
      const rest = url.pathname.slice('/en/practices/'.length).replace(/\/$/, '') || undefined;
      expect(parseListRequest(rest, url.searchParams)).toEqual({ ok: true, state, ignored: [] });
    }
    const query = new URL(listUrl('en', { ...base, q: 'x', country: 'DE', sort: 'title:desc', page: 2 }), 'http://x');
    expect(parseListRequest(undefined, query.searchParams)).toEqual({
      ok: true,
      state: { ...base, q: 'x', country: 'DE', sort: 'title:desc', page: 2 },
      ignored: [],
    });
  });
  it('drops empty form fields and tracking parameters, reports invalid values', () => {
    const search = new URLSearchParams('q=&country=&area=education&utm_source=x&sort=bogus');
    expect(parseListRequest(undefined, search)).toEqual({ ok: true, state: { ...base, area: 'education' }, ignored: ['sort'] });
  });
  it('refuses unknown or malformed paths', () => {
    for (const rest of ['country', 'nope/x', 'page/0', 'page/x', 'country/DE/area/x', 'page/2/country/DE', 'country/germany', 'country/DE/page/2/extra']) {
      expect(parseListRequest(rest, null)).toEqual({ ok: false });
    }
  });
});

describe('saved-search feed and insights URLs', () => {
  const base = emptyListState();
  it('puts a feed under the list path, page and sort dropped', () => {
    expect(feedUrl('en', base)).toBe('/en/practices/feed.xml');
    expect(feedUrl('ar', { ...base, country: 'DE', page: 3 })).toBe('/ar/practices/country/DE/feed.xml');
    expect(feedUrl('en', { ...base, q: 'code club', area: 'education', sort: 'title:asc' })).toBe('/en/practices/feed.xml?q=code+club&area=education');
  });
  it('gives insights a path form per filter and the query form for both', () => {
    expect(insightsUrl('en', {})).toBe('/en/insights/');
    expect(insightsUrl('en', { country: 'DE' })).toBe('/en/insights/country/DE/');
    expect(insightsUrl('en', { area: 'employment' })).toBe('/en/insights/area/employment/');
    expect(insightsUrl('en', { country: 'DE', area: 'employment' })).toBe('/en/insights/?country=DE&area=employment');
  });
});
