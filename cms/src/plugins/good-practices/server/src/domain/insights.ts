/**
 * Insights: how many of a set of practices meet each checklist item of the framework, per group
 * and overall. Pure: the insights service feeds it the published practices of a locale's list
 * index. Retired items are neither shown nor counted (like the group scores, ./scores.ts).
 */
import type { Insights, InsightsGroup } from '../../../contract';
import { type Assessment, stateOf } from './assessment';
import { activeItemsOfQuestion, type FrameworkTree } from './framework-tree';
import { meetsGroup } from './scores';

export interface CountedPractice {
  country: string | null;
  areas: ReadonlySet<string>;
  assessment: Assessment;
}

export interface InsightsFilter {
  country?: string | undefined;
  area?: string | undefined;
}

export function matchesInsightsFilter(practice: CountedPractice, filter: InsightsFilter): boolean {
  return (!filter.country || practice.country === filter.country) && (!filter.area || practice.areas.has(filter.area));
}

export function countInsights(tree: FrameworkTree, all: readonly CountedPractice[], filter: InsightsFilter, locale: string): Insights {
  const counted = all.filter((practice) => matchesInsightsFilter(practice, filter));
  const groups: InsightsGroup[] = tree.map((group) => {
    const items = group.questions.flatMap((question) =>
      activeItemsOfQuestion(question).map((item) => {
        let met = 0;
        let notMet = 0;
        for (const practice of counted) {
          const state = stateOf(practice.assessment, item.key);
          if (state === 'met') met += 1;
          else if (state === 'not-met') notMet += 1;
        }
        return { key: item.key, order: item.order, text: item.text, questionKey: question.key, met, notMet, notAssessed: counted.length - met - notMet };
      }),
    );
    return {
      key: group.key,
      order: group.order,
      title: group.title,
      met: items.reduce((sum, item) => sum + item.met, 0),
      checks: items.length * counted.length,
      fullyMet: counted.filter((practice) => meetsGroup(group, practice.assessment)).length,
      items,
    };
  });
  return {
    locale,
    country: filter.country ?? null,
    area: filter.area ?? null,
    practices: counted.length,
    met: groups.reduce((sum, group) => sum + group.met, 0),
    checks: groups.reduce((sum, group) => sum + group.checks, 0),
    groups,
    ...tallies(all),
  };
}

/**
 * The countries and areas of `all` with their counts, the same for every filter of one list: kept
 * per list (the insights service passes the list index's array, one per content generation), so
 * a static build's 145 insights requests of a locale count them once, not once each.
 */
const talliesKept = new WeakMap<readonly CountedPractice[], Pick<Insights, 'countries' | 'areas'>>();

function tallies(all: readonly CountedPractice[]): Pick<Insights, 'countries' | 'areas'> {
  let kept = talliesKept.get(all);
  if (!kept) {
    kept = {
      countries: tally(all.flatMap((practice) => (practice.country ? [practice.country] : []))),
      areas: tally(all.flatMap((practice) => [...practice.areas])),
    };
    talliesKept.set(all, kept);
  }
  return kept;
}

/** Values with the number of practices having each, by key (stable for the site and the tests). */
function tally(values: readonly string[]): { key: string; practices: number }[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .map(([key, practices]) => ({ key, practices }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
