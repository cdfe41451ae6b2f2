/** A practice as an RSS item: shared by the locale's feed (rss.xml) and the saved-search feeds. */
import type { PracticeSummary } from 'strapi-plugin-good-practices/contract';
import { countryName } from '../i18n';
import type { RssItem } from './feeds';
import { paths } from './urls';

export function practiceFeedItem(practice: PracticeSummary, locale: string, origin: string): RssItem {
  const link = new URL(paths.practice(locale, practice.slug), origin).href;
  return {
    title: practice.title,
    link,
    guid: link,
    description: [practice.summary ?? '', practice.country ? `(${countryName(practice.country, locale)})` : ''].filter(Boolean).join(' '),
    pubDate: new Date(practice.publishedAt ?? practice.updatedAt),
    categories: practice.integrationAreas.map((area) => area.name),
  };
}
