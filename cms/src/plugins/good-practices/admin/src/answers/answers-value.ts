/**
 * The value of the `answers` field in one locale: `[{ questionKey, body, tools: [toolDocumentId] }]`,
 * an unanswered question being absent. Pure functions:
 * - a change rewrites the one entry of its question and copies every other entry as it is
 *   (answers to questions no longer in the framework, even malformed entries, are never dropped);
 * - an answer whose text is emptied is removed (with its tools: the server refuses an empty
 *   answer); a list left empty is written as null;
 * - a new answer goes to the end (the public API orders answers by the framework anyway).
 */
import type { EditorFramework } from '../framework/types';

export interface Answer {
  body: string;
  tools: string[];
}

/** The stored entries as they are. */
export type StoredAnswers = readonly unknown[];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function questionKeyOf(entry: unknown): string | null {
  return isPlainObject(entry) && typeof entry.questionKey === 'string' ? entry.questionKey : null;
}

/** Reads the field's value leniently (null, an array, or a JSON string from an older editor). */
export function readAnswers(value: unknown): StoredAnswers {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value) as unknown;
    } catch {
      return [];
    }
  }
  return Array.isArray(parsed) ? parsed : [];
}

export function answerOf(answers: StoredAnswers, questionKey: string): Answer | null {
  const entry = answers.find((candidate) => questionKeyOf(candidate) === questionKey);
  if (!isPlainObject(entry)) return null;
  return {
    body: typeof entry.body === 'string' ? entry.body : '',
    tools: Array.isArray(entry.tools) ? entry.tools.filter((tool): tool is string => typeof tool === 'string') : [],
  };
}

function written(answers: unknown[]): unknown[] | null {
  return answers.length > 0 ? answers : null;
}

/** Sets the text of a question's answer; `toolsIfNew` are the tools of an answer created now. */
export function withBody(answers: StoredAnswers, questionKey: string, body: string, toolsIfNew: readonly string[] = []): unknown[] | null {
  const index = answers.findIndex((entry) => questionKeyOf(entry) === questionKey);
  if (body.trim() === '') return written(answers.filter((_, position) => position !== index));
  if (index === -1) return [...answers, { questionKey, body, tools: [...toolsIfNew] }];
  return answers.map((entry, position) => (position === index && isPlainObject(entry) ? { ...entry, body } : entry));
}

/** Sets the tools an existing answer cites (an unanswered question cites nothing). */
export function withTools(answers: StoredAnswers, questionKey: string, tools: readonly string[]): unknown[] | null {
  return written(answers.map((entry) => (questionKeyOf(entry) === questionKey && isPlainObject(entry) ? { ...entry, tools: [...tools] } : entry)));
}

export interface OutdatedAnswer {
  questionKey: string;
  /** The beginning of the answer, to recognise it. */
  excerpt: string;
}

const EXCERPT_LENGTH = 60;

/** Stored answers to questions the framework no longer has. */
export function outdatedAnswers(answers: StoredAnswers, framework: EditorFramework): OutdatedAnswer[] {
  const questions = new Set(framework.groups.flatMap((group) => group.questions.map((question) => question.key)));
  return answers.flatMap((entry) => {
    const questionKey = questionKeyOf(entry);
    if (questionKey === null || questions.has(questionKey)) return [];
    const body = isPlainObject(entry) && typeof entry.body === 'string' ? entry.body.replace(/\s+/g, ' ').trim() : '';
    return [{ questionKey, excerpt: body.length > EXCERPT_LENGTH ? `${body.slice(0, EXCERPT_LENGTH - 1)}…` : body }];
  });
}

/** documentIds cited by any answer (known to the tool list or not). */
export function citedTools(answers: StoredAnswers): string[] {
  return [...new Set(answers.flatMap((entry) => (isPlainObject(entry) && Array.isArray(entry.tools) ? entry.tools : [])))].filter(
    (tool): tool is string => typeof tool === 'string',
  );
}
