import type { ReportEntry } from './types';

/** Thrown when the input is not the text of a SPRING good-practice page at all. */
export class NotASpringPageError extends Error {
  constructor(reason: string) {
    super(`Not a SPRING good-practice page: ${reason}`);
    this.name = 'NotASpringPageError';
  }
}

/**
 * A page that was read but cannot be imported as asked (no title, a locale that is not
 * configured, an invalid option). Nothing has been written when it is thrown. Text that is not a
 * page at all is a NotASpringPageError instead.
 */
export class ImportError extends Error {
  readonly report: ReportEntry[];

  constructor(message: string, report: ReportEntry[] = []) {
    super(message);
    this.name = 'ImportError';
    this.report = report;
  }
}
