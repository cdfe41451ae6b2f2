/**
 * Rules of a practice's written answers in one locale. Pure, like assessment-rules: keys and
 * tool documentIds the practice already stores in this locale are kept even when the framework
 * or the tool list changed since; only what the write introduces must exist.
 */
import { isPlainObject } from '../domain/json-values';
import type { StoredAnswer } from '../domain/answers';
import type { FieldProblem } from './rejection';

const FIELD = 'answers';
const ANSWER_KEYS = new Set(['questionKey', 'body', 'tools']);
export const MAX_ANSWER_LENGTH = 20_000;

export interface AnswerCheckContext {
  knownQuestions: ReadonlySet<string>;
  /** documentIds of existing tools (any locale, any status) among those the write cites. */
  knownTools: ReadonlySet<string>;
  /** What this practice already stores in this locale (draft and published versions). */
  stored: readonly StoredAnswer[];
}

export interface AnswerCheck {
  problems: FieldProblem[];
  keptOutdatedQuestions: string[];
}

/** The tool documentIds a written answers value cites (for looking them up before checking). */
export function toolIdsIn(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) =>
    isPlainObject(entry) && Array.isArray(entry.tools) ? entry.tools.filter((tool): tool is string => typeof tool === 'string') : [],
  );
}

export function checkAnswers(value: unknown, context: AnswerCheckContext): AnswerCheck {
  const problems: FieldProblem[] = [];
  const keptOutdatedQuestions: string[] = [];
  if (value === null) return { problems, keptOutdatedQuestions };
  if (!Array.isArray(value)) {
    problems.push({ field: FIELD, message: 'The answers must be a list of { questionKey, body, tools } entries.' });
    return { problems, keptOutdatedQuestions };
  }
  const storedQuestions = new Set(context.stored.map((answer) => answer.questionKey));
  const storedTools = new Set(context.stored.flatMap((answer) => answer.tools));
  const seen = new Set<string>();

  value.forEach((entry: unknown, index) => {
    const position = `Answer ${index + 1}`;
    if (!isPlainObject(entry)) {
      problems.push({ field: FIELD, message: `${position} must be an object with questionKey, body and tools.` });
      return;
    }
    const extra = Object.keys(entry).filter((key) => !ANSWER_KEYS.has(key));
    if (extra.length > 0) {
      problems.push({ field: FIELD, message: `${position} has unexpected fields (${extra.join(', ')}): only questionKey, body and tools are stored.` });
    }
    const { questionKey, body, tools } = entry;
    if (typeof questionKey !== 'string' || questionKey.length === 0) {
      problems.push({ field: FIELD, message: `${position} does not say which question it answers (questionKey).` });
      return;
    }
    if (seen.has(questionKey)) {
      problems.push({ field: FIELD, message: `Question “${questionKey}” is answered more than once in this language: keep one answer per question.` });
    }
    seen.add(questionKey);
    if (!context.knownQuestions.has(questionKey)) {
      if (storedQuestions.has(questionKey)) keptOutdatedQuestions.push(questionKey);
      else problems.push({ field: FIELD, message: `There is no question “${questionKey}” in the criteria framework.` });
    }
    if (typeof body !== 'string' || body.trim().length === 0) {
      problems.push({ field: FIELD, message: `The answer to “${questionKey}” is empty: write an answer or remove it.` });
    } else if (body.length > MAX_ANSWER_LENGTH) {
      problems.push({ field: FIELD, message: `The answer to “${questionKey}” is longer than ${MAX_ANSWER_LENGTH} characters.` });
    }
    if (tools !== undefined && tools !== null) {
      if (!Array.isArray(tools) || tools.some((tool) => typeof tool !== 'string')) {
        problems.push({ field: FIELD, message: `The tools of the answer to “${questionKey}” must be a list of tool document ids.` });
      } else {
        for (const tool of tools as string[]) {
          if (!context.knownTools.has(tool) && !storedTools.has(tool)) {
            problems.push({ field: FIELD, message: `The answer to “${questionKey}” cites a tool that no longer exists: remove it from the answer's tools.` });
          }
        }
      }
    }
  });
  return { problems, keptOutdatedQuestions };
}
