/** The page weight phase: the practice, list and home pages with their stylesheets and scripts, compressed. */
import type { PracticeTarget } from '../generate.ts';
import type { FigureSet } from '../lib/figures.ts';
import { pageWeight, type PageWeight } from '../lib/page-weight.ts';
import { median, spread } from '../lib/stats.ts';
import type { Details } from './details.ts';

export async function measurePageWeight(site: { url: string }, targets: PracticeTarget[], defaultLocale: string, figures: FigureSet, details: Details): Promise<void> {
  const practiceSamples = spread(targets, 9);
  const practices = await Promise.all(practiceSamples.map((target) => pageWeight(`${site.url}/${target.locale}/practices/${target.slug}/`)));
  const list = await pageWeight(`${site.url}/${defaultLocale}/practices/`);
  const home = await pageWeight(`${site.url}/${defaultLocale}/`);
  const section = 'Page weight';
  const kb = (bytes: number) => bytes / 1024;
  const add = (name: string, label: string, weights: PageWeight[]) => {
    const pick = (get: (weight: PageWeight) => number) => median(weights.map(get));
    for (const part of ['html', 'css', 'js', 'total'] as const) {
      for (const encoding of ['raw', 'gzip', 'brotli'] as const) {
        const partLabel = part === 'total' ? 'HTML + CSS + JS' : part.toUpperCase();
        figures.add(section, `weight.${name}.${part}.${encoding}`, `${label}: ${partLabel}, ${encoding}`, kb(pick((weight) => weight[part][encoding])), 'KB', weights.length > 1 ? `median of ${weights.length} practice pages (${practiceSamples.map((t) => t.locale).join(', ')})` : undefined);
      }
    }
  };
  add('practice', 'Practice page', practices);
  add('list', 'List page', [list]);
  add('home', 'Home page', [home]);
  figures.add(section, 'weight.practice.total.gzip.max', 'Practice page, HTML + CSS + JS gzip: largest of the sample', kb(Math.max(...practices.map((weight) => weight.total.gzip))), 'KB');
  details.pageWeight = { practice: practices, list: [list], home: [home] };
}
