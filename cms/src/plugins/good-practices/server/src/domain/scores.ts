/**
 * Group scores ("4 of 4 met"): counted over the group's active checklist items only, so that a
 * retired or unknown key in a stored assessment never skews them.
 */
import type { GroupScore } from '../../../contract';
import { type Assessment, stateOf } from './assessment';
import { activeItemsOfGroup, type FrameworkTree, type GroupNode } from './framework-tree';

export function scoreGroup(group: GroupNode, assessment: Assessment): GroupScore {
  const items = activeItemsOfGroup(group);
  let met = 0;
  let notMet = 0;
  for (const item of items) {
    const state = stateOf(assessment, item.key);
    if (state === 'met') met += 1;
    else if (state === 'not-met') notMet += 1;
  }
  return { groupKey: group.key, met, notMet, notAssessed: items.length - met - notMet, total: items.length };
}

export function scoreFramework(tree: FrameworkTree, assessment: Assessment): GroupScore[] {
  return tree.map((group) => scoreGroup(group, assessment));
}

/** True when every active item of the group is met (and the group has at least one). */
export function meetsGroup(group: GroupNode, assessment: Assessment): boolean {
  const items = activeItemsOfGroup(group);
  return items.length > 0 && items.every((item) => stateOf(assessment, item.key) === 'met');
}
