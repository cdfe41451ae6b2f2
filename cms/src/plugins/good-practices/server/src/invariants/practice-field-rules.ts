/**
 * Rules of a practice's plain fields, checked on the values the practice will have after the
 * write (stored values merged with the written ones), so that a partial update cannot slip an
 * end date before a start date stored earlier.
 */
import { isoDate } from '../domain/dates';
import { isCountryCode } from './country-code';

/** Kept under its earlier name for the import (server/src/import/write-practice.ts). */
export { isoDate as toIsoDate } from '../domain/dates';
import { isHttpUrl } from './web-address';
import type { FieldProblem } from './rejection';

export interface PracticeFacts {
  country?: unknown;
  website?: unknown;
  projectStart?: unknown;
  projectEnd?: unknown;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

export function checkPracticeFacts(facts: PracticeFacts): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isBlank(facts.country) && (typeof facts.country !== 'string' || !isCountryCode(facts.country))) {
    problems.push({
      field: 'country',
      message: `“${String(facts.country)}” is not a country code: use the two capital letters of ISO 3166-1 (for example DE, CZ, IT).`,
    });
  }
  if (!isBlank(facts.website) && (typeof facts.website !== 'string' || !isHttpUrl(facts.website))) {
    problems.push({ field: 'website', message: 'The website must be a full web address starting with http:// or https://.' });
  }
  const start = isoDate(facts.projectStart);
  const end = isoDate(facts.projectEnd);
  if (start && end && end < start) {
    problems.push({ field: 'projectEnd', message: `The project end (${end}) is before the project start (${start}). Leave the end empty for an ongoing project.` });
  }
  return problems;
}
