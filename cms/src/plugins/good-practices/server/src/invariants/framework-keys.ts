/**
 * The keys a practice may refer to, read from the framework content (any locale: keys are not
 * localized). Checked on every practice write; the framework is small, so it is read fresh each
 * time rather than cached, which keeps editors' framework changes effective immediately.
 */
import type { Core } from '@strapi/strapi';
import { uids } from '../plugin-id';

export interface FrameworkKeys {
  /** Checklist items that can be assessed. */
  activeItems: ReadonlySet<string>;
  /** Checklist items an editor retired: existing assessments keep them, new ones cannot use them. */
  retiredItems: ReadonlySet<string>;
  questions: ReadonlySet<string>;
}

interface KeyRow {
  key: string | null;
  retired?: boolean | null;
}

export async function loadFrameworkKeys(strapi: Core.Strapi): Promise<FrameworkKeys> {
  const [items, questions] = (await Promise.all([
    strapi.db.query(uids.checklistItem).findMany({ select: ['key', 'retired'] }),
    strapi.db.query(uids.question).findMany({ select: ['key'] }),
  ])) as [KeyRow[], KeyRow[]];

  const activeItems = new Set<string>();
  const retiredItems = new Set<string>();
  for (const item of items) {
    if (!item.key) continue;
    // `retired` is not localized, so every locale's row agrees; a row that disagrees (written
    // around the document service) counts as active, the lenient reading.
    if (item.retired) retiredItems.add(item.key);
    else activeItems.add(item.key);
  }
  for (const key of activeItems) retiredItems.delete(key);
  return {
    activeItems,
    retiredItems,
    questions: new Set(questions.map((question) => question.key).filter((key): key is string => Boolean(key))),
  };
}
