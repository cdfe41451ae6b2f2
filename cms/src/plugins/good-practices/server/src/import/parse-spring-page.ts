/**
 * Parses the text of one SPRING good-practice page into a practice draft
 * keyed by the criteria framework, plus a report of everything that needed
 * interpretation. Pure: no I/O, no Strapi.
 */
import type { Framework } from '../framework/framework';
import { normaliseText } from '../framework/framework';
import { NotASpringPageError } from './errors';
import { createFrameworkMatcher } from './match-framework';
import type { FrameworkMatcher } from './match-framework';
import { readPracticeMetadata } from './metadata-values';
import { assertPageText } from './page-guard';
import { readPageHeader } from './page-header';
import type { PageHeader } from './page-header';
import { isChecklistLabel, isCriteriaHeading, matchToolsLabel } from './page-labels';
import { contentLines, isFooterStart, splitPageLines } from './page-lines';
import type { PageLine } from './page-lines';
import { readCriteria } from './read-criteria';
import { Report } from './report';
import type { ParseOptions, ParseResult } from './types';

/** First line of the criteria part: the heading, a group, a question or a section label. */
function criteriaStart(lines: readonly PageLine[], matcher: FrameworkMatcher): number {
  const index = lines.findIndex(
    ({ text }) =>
      isCriteriaHeading(text) ||
      isChecklistLabel(text) ||
      matchToolsLabel(text) !== null ||
      matcher.group(text) !== null ||
      matcher.question(text) !== null,
  );
  return index === -1 ? lines.length : index;
}

function readTitle(header: PageHeader, options: ParseOptions, report: Report): string | null {
  const optionTitle = options.title?.trim() || null;
  if (header.title !== null) {
    if (optionTitle !== null && normaliseText(optionTitle) !== normaliseText(header.title.text)) {
      report.warn(header.title.line, 'title-mismatch', `Page title "${header.title.text}" differs from options.title "${optionTitle}"; the page title is kept.`);
    }
    return header.title.text;
  }
  if (optionTitle !== null) {
    report.warn(0, 'title-missing', `The page has no title line; using options.title "${optionTitle}".`);
    return optionTitle;
  }
  report.error(0, 'title-missing', 'The page has no title line and no options.title was given.');
  return null;
}

export function parseSpringPage(text: string, framework: Framework, options: ParseOptions = {}): ParseResult {
  assertPageText(text);
  const matcher = createFrameworkMatcher(framework);
  const lines = contentLines(splitPageLines(text));

  const start = criteriaStart(lines, matcher);
  // The footer is searched only after the criteria begin, so a header line can never cut the page.
  const footer = lines.findIndex((line, index) => index > start && isFooterStart(line.text));
  const criteria = lines.slice(start, footer === -1 ? lines.length : footer);

  const isPage = criteria.some(({ text: line }) => isChecklistLabel(line) || matcher.question(line) !== null);
  if (!isPage) {
    throw new NotASpringPageError('no "Good practice checklist" label and no question of the criteria framework was found.');
  }

  const report = new Report();
  const header = readPageHeader(lines.slice(0, start), report);
  const title = readTitle(header, options, report);
  const metadata = readPracticeMetadata(header, options.country, report);
  const { answers, assessment } = readCriteria(criteria, matcher, report);

  return {
    practice: { title, ...metadata, answers, assessment },
    // Page order is the most useful order for an editor checking the source side by side.
    report: [...report.entries].sort((a, b) => a.line - b.line),
  };
}
