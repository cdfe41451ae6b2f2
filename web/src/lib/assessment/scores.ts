/**
 * The report's counts: "N of M criteria met" overall and per criteria group (the practice page's
 * GroupScore shape, so the same score bar draws it). Pure, over the framework's keys only: the
 * server renders with it and the static site's script recomputes with it from the page's markup.
 */
import { type Assessment, type FrameworkKeys, stateOf } from './fields';

/** The framework as far as an assessment needs it: keys, in order. */
export interface FrameworkShape {
  key: string;
  questions: { key: string; items: { key: string }[] }[];
}

export interface GroupCount {
  groupKey: string;
  met: number;
  notMet: number;
  notAssessed: number;
  total: number;
}

export function frameworkKeysOf(groups: readonly FrameworkShape[]): FrameworkKeys {
  return {
    items: groups.flatMap((g) => g.questions.flatMap((q) => q.items.map((i) => i.key))),
    questions: groups.flatMap((g) => g.questions.map((q) => q.key)),
  };
}

export function countGroup(group: FrameworkShape, assessment: Assessment): GroupCount {
  const count: GroupCount = { groupKey: group.key, met: 0, notMet: 0, notAssessed: 0, total: 0 };
  for (const question of group.questions) {
    for (const item of question.items) {
      const state = stateOf(assessment, item.key);
      count.total += 1;
      if (state === 'met') count.met += 1;
      else if (state === 'not-met') count.notMet += 1;
      else count.notAssessed += 1;
    }
  }
  return count;
}

export function countAll(groups: readonly FrameworkShape[], assessment: Assessment): { groups: GroupCount[]; met: number; total: number } {
  const counts = groups.map((group) => countGroup(group, assessment));
  return { groups: counts, met: counts.reduce((sum, c) => sum + c.met, 0), total: counts.reduce((sum, c) => sum + c.total, 0) };
}
