/**
 * What an XLIFF upload came to, in a shape the page can show in plain words: the result of a
 * successful import (what was written), or the problems that stopped it. The server checks the
 * whole file before writing anything and answers 400 with one problem per unit (Strapi's
 * ValidationError envelope, `details.errors[].path[0]` = unit id or "file", see
 * server/src/xliff/import-problems.ts), so a rejection always means nothing was written.
 */
import type { XliffImportResult } from '../../../contract/admin-api';

export interface ImportProblem {
  /** Unit id (e.g. practice/<documentId>/title), or undefined for the file as a whole. */
  unit: string | undefined;
  message: string;
}

export type ImportOutcome =
  | { kind: 'imported'; result: XliffImportResult }
  /** The server refused the file: nothing was written. */
  | { kind: 'rejected'; summary: string; problems: ImportProblem[] }
  /** The request failed for another reason (network, session, permission): the file's fate is unknown only if the server never answered. */
  | { kind: 'failed'; reason: string; status: number | undefined };

interface ErrorEnvelope {
  error?: { status?: unknown; name?: unknown; message?: unknown; details?: { errors?: unknown } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function problemsOf(details: unknown): ImportProblem[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((entry): ImportProblem[] => {
    if (!isRecord(entry) || typeof entry.message !== 'string') return [];
    const path = Array.isArray(entry.path) ? entry.path : [];
    const unit = typeof path[0] === 'string' && path[0] !== 'file' ? path[0] : undefined;
    return [{ unit, message: entry.message }];
  });
}

/**
 * Reads an error answer of the import route (the JSON body Strapi's fetch client keeps on
 * FetchError.response.data). A 400 ValidationError is a rejection of the file; anything else
 * (403, 413 too large, 500…) is a failure, with the server's message.
 */
export function outcomeOfError(status: number | undefined, body: unknown, fallbackMessage: string): ImportOutcome {
  const error = isRecord(body) ? (body as ErrorEnvelope).error : undefined;
  const message = typeof error?.message === 'string' && error.message !== '' ? error.message : fallbackMessage;
  if (status === 400 && error?.name === 'ValidationError') {
    const problems = problemsOf(error.details?.errors);
    return { kind: 'rejected', summary: message, problems: problems.length > 0 ? problems : [{ unit: undefined, message }] };
  }
  return { kind: 'failed', reason: message, status };
}

/**
 * Translated fields written, counted over every entry: what the success message sums up. The
 * texts a new version took from the source are written too but are not translations: they are
 * counted apart (untranslatedFieldCount).
 */
export function writtenFieldCount(result: XliffImportResult): number {
  return result.written.reduce((sum, entry) => sum + entry.fields.length - entry.untranslated.length, 0);
}

/** Required texts of new versions taken from the source, not translated: still to translate. */
export function untranslatedFieldCount(result: XliffImportResult): number {
  return result.written.reduce((sum, entry) => sum + entry.untranslated.length, 0);
}

/**
 * The parts of a unit id (`practice/<documentId>/title`, `item/<key>/text`, `site/labels/<key>`),
 * for naming a problem's unit by its kind and field rather than showing the id; the path is empty
 * for a problem of a whole entry (`practice/<documentId>`).
 */
export function unitAddress(unit: string): { kind: string; path: string } | undefined {
  const parts = unit.split('/');
  if (parts[0] === 'site') return { kind: 'site', path: parts.slice(1).join('/') };
  if (parts.length < 2 || parts[0] === '' || parts[1] === '') return undefined;
  return { kind: parts[0] ?? '', path: parts.slice(2).join('/') };
}
