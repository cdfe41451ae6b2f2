/**
 * Who to learn from, per checklist item (the site's self-assessment report): for every active
 * item of the framework, up to MAX_SUGGESTIONS_PER_ITEM published practices that meet it, best in
 * the item's criteria group first, each with the inspiring tools its answer to the item's question
 * cites.
 *
 * Ranking (the contract's words, itemSuggestionsResponse): most items met in the item's group, then
 * most items met in the whole framework, then title in the locale's collation, then documentId.
 * A practice that meets the item and more of its neighbours is the better example to learn from
 * than one that meets it alone.
 *
 * Built from the locale's list index (published practices only, as the locale's list shows them,
 * fallback included), plus one query for the answers of the chosen practices only; kept for the
 * content generation, so it is computed once per publish, not per report.
 */
import type { Core } from '@strapi/strapi';
import { type ItemSuggestion, type ItemSuggestionsResponse, MAX_SUGGESTIONS_PER_ITEM } from '../../../contract';
import { mergeTexts, type TextVersion } from '../domain/text-fallback';
import { activeItemsOfGroup, activeItemsOfQuestion } from '../domain/framework-tree';
import { scoreGroup } from '../domain/scores';
import { stateOf } from '../domain/assessment';
import { uids } from '../plugin-id';
import type { LocaleContext } from '../services/locale-service';
import { getService } from '../services/service-access';
import { cachedForGeneration } from './generation-cache';
import { type ListEntry, practiceListIndex, versionsInChainOrder } from './practice-list-index';
import { publishedDocuments } from './published-documents';

interface Chosen {
  entry: ListEntry;
  questionKey: string;
  groupIndex: number;
}

async function build(strapi: Core.Strapi, context: LocaleContext): Promise<ItemSuggestionsResponse['data']> {
  const { locale, chain } = context;
  const [tree, index] = await Promise.all([getService(strapi, 'framework').tree(context), practiceListIndex(strapi, context)]);
  // Title order (the locale's collation, then documentId) is the last tie-break: the sort below is stable.
  const entries = index.sortedBy('title:asc');
  const activeItems = tree.flatMap(activeItemsOfGroup);
  const metOverall = new Map(entries.map((entry) => [entry.documentId, activeItems.filter((item) => stateOf(entry.assessment, item.key) === 'met').length]));

  const chosenByItem = new Map<string, Chosen[]>();
  tree.forEach((group, groupIndex) => {
    const scores = new Map(entries.map((entry) => [entry.documentId, scoreGroup(group, entry.assessment).met]));
    const ranked = [...entries].sort(
      (a, b) => scores.get(b.documentId)! - scores.get(a.documentId)! || metOverall.get(b.documentId)! - metOverall.get(a.documentId)!,
    );
    for (const question of group.questions) {
      for (const item of activeItemsOfQuestion(question)) {
        const meeting = ranked.filter((entry) => stateOf(entry.assessment, item.key) === 'met').slice(0, MAX_SUGGESTIONS_PER_ITEM);
        chosenByItem.set(
          item.key,
          meeting.map((entry) => ({ entry, questionKey: question.key, groupIndex })),
        );
      }
    }
  });

  const answers = await answersOf(strapi, [...new Set([...chosenByItem.values()].flatMap((list) => list.map((c) => c.entry.documentId)))], chain);
  const citedIds = new Set<string>();
  for (const list of chosenByItem.values()) for (const c of list) for (const id of answers.get(c.entry.documentId)?.get(c.questionKey) ?? []) citedIds.add(id);
  // Published tools only: a cited draft or deleted tool is absent from the summaries.
  const tools = await getService(strapi, 'tool').summariesByIds([...citedIds], context);

  const items: Record<string, ItemSuggestion[]> = {};
  for (const [itemKey, list] of chosenByItem) {
    items[itemKey] = list.map(({ entry, questionKey, groupIndex }) => ({
      slug: entry.row.slug,
      title: entry.title,
      locale: entry.row.locale,
      score: scoreGroup(tree[groupIndex]!, entry.assessment),
      tools: (answers.get(entry.documentId)?.get(questionKey) ?? []).flatMap((id) => {
        const tool = tools.get(id);
        return tool ? [tool] : [];
      }),
    }));
  }
  return { locale, items };
}

/**
 * The cited tool ids per question of each practice, from its answers as the locale shows them (the
 * shown version's, else the next language of the chain that answers): one query, published versions only.
 */
async function answersOf(strapi: Core.Strapi, documentIds: readonly string[], chain: readonly string[]): Promise<Map<string, Map<string, string[]>>> {
  const result = new Map<string, Map<string, string[]>>();
  if (documentIds.length === 0) return result;
  const rows = await publishedDocuments(strapi, uids.practice).findMany<TextVersion & { documentId: string }>({
    locale: chain,
    filters: { documentId: { $in: [...documentIds] } },
    fields: ['locale', 'answers'],
  });
  for (const versions of versionsInChainOrder(rows, chain)) {
    const merged = mergeTexts(versions);
    result.set(versions[0]!.documentId, new Map([...merged.answers].map(([questionKey, answer]) => [questionKey, answer.tools])));
  }
  return result;
}

/** The suggestions of `context.locale`, kept for the content generation. */
export function itemSuggestions(strapi: Core.Strapi, context: LocaleContext): Promise<ItemSuggestionsResponse['data']> {
  return cachedForGeneration(strapi, `item-suggestions:${context.locale}`, () => build(strapi, context));
}
