/**
 * The criteria framework as the public API serves it: groups -> questions -> checklist items,
 * each level ordered, texts in one locale. Retired items stay in the tree (so stored assessments
 * of them can be recognised) but are never shown nor counted.
 *
 * The tree's types are the admin API's (contract/admin-api.ts), which serves the tree as it is.
 */
import type { ChecklistItemNode, FrameworkTree, GroupNode, QuestionNode } from '../../../contract/admin-api';

export type { ChecklistItemNode, FrameworkTree, GroupNode, QuestionNode };

export function activeItemsOfQuestion(question: QuestionNode): ChecklistItemNode[] {
  return question.items.filter((item) => !item.retired);
}

/**
 * Kept per group: trees are built once per content generation and never changed after (the
 * framework service's contract), and scores ask for a group's items once per practice — at
 * 2,000 practices, building the list each time was a noticeable share of the CMS's work after
 * a write (insights, item suggestions).
 */
const activeItemsKept = new WeakMap<GroupNode, readonly ChecklistItemNode[]>();

export function activeItemsOfGroup(group: GroupNode): readonly ChecklistItemNode[] {
  let items = activeItemsKept.get(group);
  if (!items) {
    items = group.questions.flatMap(activeItemsOfQuestion);
    activeItemsKept.set(group, items);
  }
  return items;
}

export function findGroup(tree: FrameworkTree, key: string): GroupNode | undefined {
  return tree.find((group) => group.key === key);
}

export function findItem(tree: FrameworkTree, key: string): ChecklistItemNode | undefined {
  for (const group of tree) {
    for (const question of group.questions) {
      const item = question.items.find((candidate) => candidate.key === key);
      if (item) return item;
    }
  }
  return undefined;
}

/** Sorts by `order`, then key, so that equal orders (an editor's slip) still give a stable result. */
export function byOrder<T extends { order: number; key: string }>(a: T, b: T): number {
  return a.order - b.order || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
