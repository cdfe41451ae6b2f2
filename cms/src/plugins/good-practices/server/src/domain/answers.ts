/**
 * A practice's answers to the criteria questions, in one locale: stored in the localized custom
 * field `answers` as `[{ questionKey, body, tools: [toolDocumentId] }]`. Unanswered questions are
 * simply absent.
 */
import { isPlainObject, safeJson } from './json-values';

export interface StoredAnswer {
  questionKey: string;
  /** Markdown. */
  body: string;
  /** documentIds of the inspiring tools cited by this answer, in citation order. */
  tools: string[];
}

/** Reads stored answers leniently (see readAssessment): malformed entries are skipped. */
export function readAnswers(value: unknown): StoredAnswer[] {
  const parsed = typeof value === 'string' ? safeJson(value) : value;
  if (!Array.isArray(parsed)) return [];
  const answers: StoredAnswer[] = [];
  for (const entry of parsed) {
    if (!isPlainObject(entry)) continue;
    const { questionKey, body, tools } = entry;
    if (typeof questionKey !== 'string' || typeof body !== 'string') continue;
    answers.push({
      questionKey,
      body,
      tools: Array.isArray(tools) ? tools.filter((tool): tool is string => typeof tool === 'string') : [],
    });
  }
  return answers;
}

/** documentIds of every tool cited by these answers, without duplicates. */
export function citedToolIds(answers: readonly StoredAnswer[]): string[] {
  return [...new Set(answers.flatMap((answer) => answer.tools))];
}
