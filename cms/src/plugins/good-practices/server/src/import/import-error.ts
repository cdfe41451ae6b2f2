import type { ReportEntry } from './types';

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
