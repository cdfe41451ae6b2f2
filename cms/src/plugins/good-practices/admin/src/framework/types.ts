/**
 * The criteria framework as the inputs use it: the server's tree (groups -> questions -> checklist
 * items, ordered, texts in one locale; retired items flagged) and the locale it was read in.
 */
import type { ChecklistItemNode, FrameworkTree, GroupNode, QuestionNode } from '../../../contract/admin-api';

export type { ChecklistItemNode, GroupNode, QuestionNode };

export interface EditorFramework {
  /** Locale of the texts (falling back to the default locale's text where not translated). */
  locale: string;
  /** The default locale, when the server said so (the admin route does, the public API does not). */
  defaultLocale: string | null;
  groups: FrameworkTree;
}

export function activeItems(question: QuestionNode): ChecklistItemNode[] {
  return question.items.filter((item) => !item.retired);
}

export function activeItemsOfGroup(group: GroupNode): ChecklistItemNode[] {
  return group.questions.flatMap(activeItems);
}

/** Every checklist item (active or retired) and question by key, for naming keys in messages. */
export function textsByKey(framework: EditorFramework): Map<string, string> {
  const texts = new Map<string, string>();
  for (const group of framework.groups) {
    for (const question of group.questions) {
      texts.set(question.key, question.text);
      for (const item of question.items) texts.set(item.key, item.text);
    }
  }
  return texts;
}
