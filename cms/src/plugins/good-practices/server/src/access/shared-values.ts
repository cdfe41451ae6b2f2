/**
 * Whether a write changes a shared (non-localized) value. The admin sends values back as it
 * received them, but not always in the stored form (dates as text, JSON as objects or text), so
 * values are compared in a canonical form; the assessment in the form the plugin reads it.
 */
import { readAssessment } from '../domain/assessment';
import { isPlainObject, safeJson } from '../domain/json-values';

export interface SharedAttribute {
  name: string;
  type: string;
}

function canonicalJson(value: unknown): string {
  const parsed = typeof value === 'string' ? (safeJson(value) ?? value) : value;
  const sorted = (input: unknown): unknown =>
    Array.isArray(input)
      ? input.map(sorted)
      : isPlainObject(input)
        ? Object.fromEntries(Object.keys(input).sort().map((key) => [key, sorted(input[key])]))
        : input;
  return JSON.stringify(sorted(parsed ?? null));
}

function canonical(attribute: SharedAttribute, value: unknown): string {
  if (attribute.name === 'assessment') return canonicalJson(readAssessment(value));
  if (value === undefined || value === null || value === '') return 'null';
  if (attribute.type === 'date') return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
  if (attribute.type === 'datetime') return new Date(value instanceof Date ? value : String(value)).toISOString();
  if (attribute.type === 'json') return canonicalJson(value);
  if (attribute.type === 'boolean') return String(value === true || value === 'true' || value === 1);
  return String(value);
}

export function changesSharedValue(attribute: SharedAttribute, written: unknown, stored: unknown): boolean {
  return canonical(attribute, written) !== canonical(attribute, stored);
}
