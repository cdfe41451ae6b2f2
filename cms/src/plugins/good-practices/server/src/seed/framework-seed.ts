/**
 * Seeds the criteria framework (groups -> questions -> checklist items) from the framework data
 * file, key by key and only where absent: an entry that exists is never touched, so editors'
 * changes (titles, texts, orders, retirements) survive every boot. What it creates is published
 * (groups before their questions, questions before their items, so that the published versions
 * link to each other): the framework is public from the first boot.
 */
import type { Core } from '@strapi/strapi';
import { type Framework, springFramework } from '../framework/framework';
import { uids } from '../plugin-id';
import { seedDocuments } from './seed-documents';
import { openSeedMemory } from './seed-memory';
import { seedLocale } from './seed-locale';

type FrameworkUid = typeof uids.criteriaGroup | typeof uids.question | typeof uids.checklistItem;

export interface FrameworkSeedResult {
  locale: string;
  created: string[];
}

export async function seedFramework(strapi: Core.Strapi, framework: Framework = springFramework): Promise<FrameworkSeedResult> {
  const locale = await seedLocale(strapi, framework.sourceLocale);
  const memory = await openSeedMemory(strapi, 'framework');
  const [groups, questions, items] = await Promise.all([
    seedDocuments(strapi, uids.criteriaGroup).keys(locale),
    seedDocuments(strapi, uids.question).keys(locale),
    seedDocuments(strapi, uids.checklistItem).keys(locale),
  ]);
  const created: string[] = [];

  /** Creates the entry when it was never seeded and is absent; returns its documentId if any. */
  const ensure = async (
    uid: FrameworkUid,
    existing: Map<string, string>,
    key: string,
    data: Record<string, unknown>,
  ): Promise<string | undefined> => {
    const found = existing.get(key);
    if (found) {
      memory.remember(key);
      return found;
    }
    if (memory.has(key)) return undefined; // seeded once, deleted by an editor since: respected
    const document = await seedDocuments(strapi, uid).create(locale, { key, ...data }, { publish: true });
    existing.set(key, document.documentId);
    memory.remember(key);
    created.push(key);
    return document.documentId;
  };

  for (const group of framework.groups) {
    const groupId = await ensure(uids.criteriaGroup, groups, group.key, { order: group.order, title: group.title });
    for (const question of group.questions) {
      if (!groupId && !questions.has(question.key)) continue; // its group is gone: nothing to attach to
      const questionId = await ensure(uids.question, questions, question.key, {
        order: question.order,
        text: question.text,
        ...(groupId ? { group: groupId } : {}),
      });
      for (const item of question.items) {
        if (!questionId && !items.has(item.key)) continue;
        await ensure(uids.checklistItem, items, item.key, {
          order: item.order,
          text: item.text,
          retired: false,
          ...(questionId ? { question: questionId } : {}),
        });
      }
    }
  }
  await memory.save();
  return { locale, created };
}
