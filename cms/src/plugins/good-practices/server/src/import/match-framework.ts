/**
 * Maps page text (group headings, questions, checklist items) to framework keys.
 *
 * Matching is by normalised text: exact first, then a conservative fuzzy
 * match (token Jaccard >= FUZZY_THRESHOLD, unique best candidate) so that a
 * small wording change on one page still maps, but is reported for review.
 */
import { normaliseText, tokenJaccard } from '../framework/framework';
import type { Framework, FrameworkChecklistItem, FrameworkGroup, FrameworkQuestion } from '../framework/framework';

export const FUZZY_THRESHOLD = 0.85;

export interface FrameworkMatch<T> {
  entry: T;
  /** 1 for an exact (normalised) match, the Jaccard score for a fuzzy one. */
  score: number;
  exact: boolean;
}

export interface ItemMatch extends FrameworkMatch<FrameworkChecklistItem> {
  question: FrameworkQuestion;
}

export interface FrameworkMatcher {
  group(text: string): FrameworkGroup | null;
  question(text: string): FrameworkMatch<FrameworkQuestion> | null;
  groupOfQuestion(questionKey: string): FrameworkGroup;
  /**
   * Looks for the item among the given question's items first, then among all
   * items, so an item printed under the wrong question is still recognised.
   */
  item(text: string, withinQuestionKey: string | null): ItemMatch | null;
}

interface ItemMatchEntry {
  item: FrameworkChecklistItem;
  question: FrameworkQuestion;
}

interface Candidate<T> {
  entry: T;
  key: string;
  text: string;
}

function bestMatch<T>(text: string, candidates: readonly Candidate<T>[]): FrameworkMatch<T> | null {
  const key = normaliseText(text);
  if (key === '') return null;
  const exact = candidates.find((candidate) => candidate.key === key);
  if (exact !== undefined) return { entry: exact.entry, score: 1, exact: true };

  let best: FrameworkMatch<T> | null = null;
  let tie = false;
  for (const candidate of candidates) {
    const score = tokenJaccard(text, candidate.text);
    if (score < FUZZY_THRESHOLD) continue;
    if (best === null || score > best.score) {
      best = { entry: candidate.entry, score, exact: false };
      tie = false;
    } else if (score === best.score) {
      tie = true;
    }
  }
  // Two equally good candidates mean we cannot tell which one the page meant.
  return tie ? null : best;
}

export function createFrameworkMatcher(framework: Framework): FrameworkMatcher {
  const groups = framework.groups;
  const questions = groups.flatMap((group) => group.questions);
  const groupByQuestion = new Map<string, FrameworkGroup>();
  for (const group of groups) for (const question of group.questions) groupByQuestion.set(question.key, group);

  const questionCandidates = questions.map((question) => ({ entry: question, key: normaliseText(question.text), text: question.text }));
  const itemCandidates = (scope: readonly FrameworkQuestion[]): Candidate<ItemMatchEntry>[] =>
    scope.flatMap((question) =>
      question.items.map((item) => ({ entry: { item, question }, key: normaliseText(item.text), text: item.text })),
    );
  const allItems = itemCandidates(questions);

  return {
    group(text) {
      // Headings are short; only an exact normalised title counts.
      const key = normaliseText(text);
      return groups.find((group) => normaliseText(group.title) === key) ?? null;
    },
    question(text) {
      return bestMatch(text, questionCandidates);
    },
    groupOfQuestion(questionKey) {
      const group = groupByQuestion.get(questionKey);
      if (group === undefined) throw new Error(`Unknown question key ${questionKey}`);
      return group;
    },
    item(text, withinQuestionKey) {
      const own = questions.filter((question) => question.key === withinQuestionKey);
      const scopes = own.length > 0 ? [itemCandidates(own), allItems] : [allItems];
      // Exact anywhere beats fuzzy within the question: exact text is unambiguous.
      for (const exactOnly of [true, false]) {
        for (const scope of scopes) {
          const match = bestMatch(text, scope);
          if (match !== null && match.exact === exactOnly) {
            return { entry: match.entry.item, question: match.entry.question, score: match.score, exact: match.exact };
          }
        }
      }
      return null;
    },
  };
}
