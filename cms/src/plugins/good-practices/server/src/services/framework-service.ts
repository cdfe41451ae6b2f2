/**
 * Reads the criteria framework of a locale.
 *
 * The structure (which question belongs to which group, orders, retirements) is read from the
 * framework's own language (English, where it is seeded and maintained; the default locale if
 * English is not configured): relations are per locale in Strapi, and asking translators to
 * re-link every question would invite orphaned entries. Other locales only translate texts,
 * matched by key; a text not translated yet falls back to the structure locale's, so the
 * structure served is always complete (documented in the contract).
 *
 * Three queries for the structure (plus one per populated relation), three more for a
 * translation: constant, whatever the framework's size.
 */
import type { Core } from '@strapi/strapi';
import { byOrder, type FrameworkTree, type GroupNode, type QuestionNode } from '../domain/framework-tree';
import { uids } from '../plugin-id';
import { springFramework } from '../framework/framework';
import { type LocaleContext, structureLocale } from './locale-service';
import { publishedDocuments } from '../read-model/published-documents';
import { cachedForGeneration } from '../read-model/generation-cache';

interface GroupRow {
  key: string;
  order: number;
  title: string;
  description: string | null;
}
interface QuestionRow {
  key: string;
  order: number;
  text: string;
  group?: { key: string } | null;
}
interface ItemRow {
  key: string;
  order: number;
  text: string;
  retired: boolean | null;
  question?: { key: string } | null;
}

interface LocaleTexts {
  groups: GroupRow[];
  questions: QuestionRow[];
  items: ItemRow[];
}

async function readLocale(strapi: Core.Strapi, locale: string, withStructure: boolean): Promise<LocaleTexts> {
  const [groups, questions, items] = await Promise.all([
    publishedDocuments(strapi, uids.criteriaGroup).findMany<GroupRow>({ locale, fields: ['key', 'order', 'title', 'description'] }),
    publishedDocuments(strapi, uids.question).findMany<QuestionRow>({
      locale,
      fields: ['key', 'order', 'text'],
      ...(withStructure ? { populate: { group: { fields: ['key'] } } } : {}),
    }),
    publishedDocuments(strapi, uids.checklistItem).findMany<ItemRow>({
      locale,
      fields: ['key', 'order', 'text', 'retired'],
      ...(withStructure ? { populate: { question: { fields: ['key'] } } } : {}),
    }),
  ]);
  return { groups, questions, items };
}

/** Non-empty translated text, else the structure locale's. */
function translated(value: string | null | undefined, fallback: string): string;
function translated(value: string | null | undefined, fallback: string | null): string | null;
function translated(value: string | null | undefined, fallback: string | null): string | null {
  return value !== undefined && value !== null && value.trim() !== '' ? value : fallback;
}

function buildTree(structure: LocaleTexts, texts: LocaleTexts): FrameworkTree {
  const groupTexts = new Map(texts.groups.map((row) => [row.key, row]));
  const questionTexts = new Map(texts.questions.map((row) => [row.key, row.text]));
  const itemTexts = new Map(texts.items.map((row) => [row.key, row.text]));

  const questionsByGroup = new Map<string, QuestionNode[]>();
  const questionNodes = new Map<string, QuestionNode>();
  for (const row of structure.questions) {
    if (!row.group?.key) continue; // not attached to a group: not part of the framework
    const node: QuestionNode = { key: row.key, order: row.order, text: translated(questionTexts.get(row.key), row.text), items: [] };
    questionNodes.set(row.key, node);
    questionsByGroup.set(row.group.key, [...(questionsByGroup.get(row.group.key) ?? []), node]);
  }
  for (const row of structure.items) {
    const question = row.question?.key ? questionNodes.get(row.question.key) : undefined;
    if (!question) continue;
    question.items.push({ key: row.key, order: row.order, text: translated(itemTexts.get(row.key), row.text), retired: row.retired === true });
  }
  for (const question of questionNodes.values()) question.items.sort(byOrder);

  return structure.groups
    .map(
      (row): GroupNode => ({
        key: row.key,
        order: row.order,
        title: translated(groupTexts.get(row.key)?.title, row.title),
        description: translated(groupTexts.get(row.key)?.description, row.description ?? null),
        questions: (questionsByGroup.get(row.key) ?? []).sort(byOrder),
      }),
    )
    .sort(byOrder);
}

export function createFrameworkService({ strapi }: { strapi: Core.Strapi }) {
  return {
    /**
     * The tree of a locale, kept for the content generation (read by almost every public
     * request). Shared between requests: callers must not mutate it.
     */
    async tree(context: LocaleContext): Promise<FrameworkTree> {
      const source = structureLocale(context, springFramework.sourceLocale);
      return cachedForGeneration(strapi, `framework:${source}:${context.locale}`, async () => {
        const structure = await readLocale(strapi, source, true);
        const texts = context.locale === source ? structure : await readLocale(strapi, context.locale, false);
        return buildTree(structure, texts);
      });
    },
  };
}

export type FrameworkService = ReturnType<typeof createFrameworkService>;
