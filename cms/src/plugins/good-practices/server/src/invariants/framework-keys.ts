/**
 * The keys a practice may refer to, read from the framework content (any locale: keys are not
 * localized). Checked on every practice write; the framework is small, so it is read fresh each
 * time rather than cached, which keeps editors' framework publications effective immediately.
 *
 * Published versions only, by default: the framework has draft & publish, and a practice may only
 * introduce keys of the framework its readers see — the one the public API serves and the
 * practice edit view shows (services/framework-service.ts). A question or checklist item created
 * but not published yet cannot be answered or assessed; one retired in a draft stays assessable
 * until the retirement is published. Keys a practice already stores are kept whatever happens to
 * the framework (assessment-rules.ts, answer-rules.ts), so unpublishing an entry loses nothing.
 * The unknown-keys report asks for every version: a key that exists as a draft is not unknown.
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

export async function loadFrameworkKeys(strapi: Core.Strapi, versions: 'published' | 'all' = 'published'): Promise<FrameworkKeys> {
  const where = versions === 'published' ? { publishedAt: { $notNull: true } } : {};
  const [items, questions] = (await Promise.all([
    strapi.db.query(uids.checklistItem).findMany({ where, select: ['key', 'retired'] }),
    strapi.db.query(uids.question).findMany({ where, select: ['key'] }),
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
