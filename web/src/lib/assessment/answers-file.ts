/**
 * The answers file: a self-assessment downloaded as JSON from its report and uploaded back into
 * the form. Checked with a zod schema (zod/mini: the static site's script bundles it, and the
 * full zod would be most of the 15 KB that script may weigh). Used by the server (upload by POST)
 * and by the static site's script alike, so both accept and refuse the same files.
 */
import * as z from 'zod/mini';
import { ASSESSMENT_STATES, type Assessment, type FrameworkKeys, MAX_NOTE_LENGTH } from './fields';

/** Largest answers file accepted (a full assessment with long notes is about 20 KB). */
export const MAX_ANSWERS_FILE_BYTES = 64 * 1024;
export const ANSWERS_FILE_FORMAT = 'good-practices-self-assessment';
export const ANSWERS_FILE_VERSION = 1;

const key = z.string().check(z.regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/));

export const answersFile = z.object({
  format: z.literal(ANSWERS_FILE_FORMAT),
  version: z.literal(ANSWERS_FILE_VERSION),
  /** The locale of the form it was made with (informative: any locale's form accepts it). */
  locale: z.optional(z.string().check(z.maxLength(35))),
  assessment: z.record(key, z.enum(ASSESSMENT_STATES)),
  notes: z.optional(z.record(key, z.string().check(z.maxLength(MAX_NOTE_LENGTH)))),
});
export type AnswersFile = z.infer<typeof answersFile>;

/** Why a file was refused: each one a label of its own (assessment.upload.*). */
export type AnswersFileProblem = 'missing' | 'too-large' | 'not-json' | 'not-answers' | 'unknown-keys';

export type ReadAnswersFile = { ok: true; assessment: Assessment } | { ok: false; problem: AnswersFileProblem; detail?: string };

export function answersFileOf(assessment: Assessment, locale: string): AnswersFile {
  return { format: ANSWERS_FILE_FORMAT, version: ANSWERS_FILE_VERSION, locale, assessment: { ...assessment.states }, notes: { ...assessment.notes } };
}

/**
 * Reads an uploaded file's text (its size already bounded by the caller). A file that names a
 * checklist item or question the framework does not have is refused, naming the first one: it
 * was made for another framework, and silently dropping answers would mislead.
 */
export function readAnswersFile(text: string, keys: FrameworkKeys): ReadAnswersFile {
  if (text.trim() === '') return { ok: false, problem: 'missing' };
  if (text.length > MAX_ANSWERS_FILE_BYTES) return { ok: false, problem: 'too-large' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'not-json' };
  }
  const parsed = answersFile.safeParse(json);
  if (!parsed.success) return { ok: false, problem: 'not-answers' };
  const items = new Set(keys.items);
  const questions = new Set(keys.questions);
  const unknown = [
    ...Object.keys(parsed.data.assessment).filter((k) => !items.has(k)),
    ...Object.keys(parsed.data.notes ?? {}).filter((k) => !questions.has(k)),
  ];
  if (unknown.length > 0) return { ok: false, problem: 'unknown-keys', detail: unknown[0] };
  const notes: Record<string, string> = {};
  for (const [question, note] of Object.entries(parsed.data.notes ?? {})) if (note.trim()) notes[question] = note.trim();
  return { ok: true, assessment: { states: { ...parsed.data.assessment }, notes } };
}
