/**
 * Segments: the units of translation of one stored entry, each with a stable path inside the
 * entry (`title`, `answers/<questionKey>/body`, `labels/<labelKey>`). A segment exists only where
 * the entry has text: an empty field has nothing to translate.
 */
import { readAnswers } from '../domain/answers';
import { isPlainObject, safeJson } from '../domain/json-values';
import type { TranslatableType } from './translatable-types';

export interface Segment {
  path: string;
  text: string;
}

export const answerPath = (questionKey: string): string => `answers/${questionKey}/body`;
export const labelPath = (labelKey: string): string => `labels/${labelKey}`;

/** The key named by an answer path, or undefined when the path is not one. */
export function answerKeyOf(path: string): string | undefined {
  const match = /^answers\/(.+)\/body$/.exec(path);
  return match?.[1];
}

/** The label key named by a label path, or undefined when the path is not one. */
export function labelKeyOf(path: string): string | undefined {
  return path.startsWith('labels/') && path.length > 'labels/'.length ? path.slice('labels/'.length) : undefined;
}

const hasText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** Label key -> text of a stored `labels` JSON value (non-text values are not labels). */
export function readLabels(value: unknown): Record<string, string> {
  const parsed = typeof value === 'string' ? safeJson(value) : value;
  if (!isPlainObject(parsed)) return {};
  const labels: Record<string, string> = {};
  for (const [key, text] of Object.entries(parsed)) {
    if (typeof text === 'string') labels[key] = text;
  }
  return labels;
}

/** The segments of a row read with fieldsToRead(type), in unit order. */
export function segmentsOf(type: TranslatableType, row: Record<string, unknown>): Segment[] {
  const segments: Segment[] = [];
  for (const field of type.textFields) {
    const value = row[field];
    if (hasText(value)) segments.push({ path: field, text: value });
  }
  if (type.answers) {
    for (const answer of readAnswers(row.answers)) {
      if (hasText(answer.body)) segments.push({ path: answerPath(answer.questionKey), text: answer.body });
    }
  }
  if (type.labels) {
    const labels = readLabels(row.labels);
    for (const key of Object.keys(labels).sort()) {
      if (hasText(labels[key])) segments.push({ path: labelPath(key), text: labels[key] });
    }
  }
  return segments;
}

/** The segment paths a write touches: written text fields, every written answer and label. */
export function writtenPaths(type: TranslatableType, data: Record<string, unknown>): string[] {
  const paths: string[] = type.textFields.filter((field) => data[field] !== undefined);
  if (type.answers && data.answers !== undefined) paths.push(...readAnswers(data.answers).map((answer) => answerPath(answer.questionKey)));
  if (type.labels && data.labels !== undefined) paths.push(...Object.keys(readLabels(data.labels)).map(labelPath));
  return paths;
}
