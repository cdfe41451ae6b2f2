/**
 * Result types of parsing one SPRING good-practice page.
 *
 * The parser produces a draft practice keyed by framework keys, never by page
 * text, plus a report of everything it had to interpret, repair or could not
 * map, so that an editor can review an import before it is published.
 *
 * The draft and the report are part of the import service's result, so their types are written
 * in the contract (contract/services.ts), which the CMS's import command shares.
 */
import type { ToolKind } from '../../../contract';
import type { Answer, AssessmentState, PracticeDraft, ReportCode, ReportEntry, ReportLevel, Tool } from '../../../contract/services';

export type { Answer, AssessmentState, PracticeDraft, ReportCode, ReportEntry, ReportLevel, Tool, ToolKind };

export interface ParseResult {
  practice: PracticeDraft;
  report: ReportEntry[];
}

export interface ParseOptions {
  /** Used when the page has no title line (e.g. the title came from the page URL or HTML). */
  title?: string;
  /** Country name or alpha-2 code, used when the page gives none. */
  country?: string;
}
