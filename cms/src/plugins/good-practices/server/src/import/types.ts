/**
 * Result types of parsing one SPRING good-practice page.
 *
 * The parser produces a draft practice keyed by framework keys, never by page
 * text, plus a report of everything it had to interpret, repair or could not
 * map, so that an editor can review an import before it is published.
 */

export type AssessmentState = 'met' | 'not-met';

/** Same values as the contract's toolKind (and the tool content type's enum). */
export type ToolKind = 'case-study' | 'portal' | 'recommendation' | 'guide' | 'report' | 'toolkit' | 'other';

/** An "Inspiring tools" entry of an answer. */
export interface Tool {
  name: string;
  kind: ToolKind;
}

/** The page's answer to one framework question. */
export interface Answer {
  questionKey: string;
  /** Markdown: the answer's paragraphs, verbatim, joined by a blank line. */
  body: string;
  tools: Tool[];
  /** 1-based line of the question in the source text. */
  line: number;
}

export interface PracticeDraft {
  title: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  /** ISO dates (YYYY-MM-DD); an imprecise page date becomes the first day of its month/year. */
  projectStart: string | null;
  projectEnd: string | null;
  validationDate: string | null;
  contactDetails: string | null;
  website: string | null;
  funding: string | null;
  objectives: string | null;
  inspiration: string | null;
  /** In page order; questions the page does not answer are absent. */
  answers: Answer[];
  /** Checklist item key -> state. Items the page does not list are absent (not assessed). */
  assessment: Record<string, AssessmentState>;
}

export type ReportLevel = 'warning' | 'error';

export type ReportCode =
  | 'title-missing'
  | 'title-mismatch'
  | 'metadata-absent'
  | 'metadata-missing'
  | 'metadata-empty'
  | 'metadata-duplicate'
  | 'country-unrecognised'
  | 'country-approximate'
  | 'country-mismatch'
  | 'date-imprecise'
  | 'date-ambiguous'
  | 'date-unrecognised'
  | 'repeated-label'
  | 'unmapped-text'
  | 'unmapped-item'
  | 'fuzzy-question-match'
  | 'fuzzy-item-match'
  | 'item-in-other-question'
  | 'duplicate-item'
  | 'conflicting-item-state'
  | 'unmarked-item'
  | 'unusual-marker'
  | 'duplicate-question'
  | 'question-outside-group'
  | 'empty-answer'
  | 'duplicate-tool'
  | 'tool-outside-answer'
  | 'invalid-utf8';

export interface ReportEntry {
  /** 1-based line in the source text; 0 when the finding concerns the page as a whole. */
  line: number;
  level: ReportLevel;
  code: ReportCode;
  message: string;
}

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
