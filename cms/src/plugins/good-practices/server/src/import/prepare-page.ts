/**
 * The pure half of importing a page: parse it against the shipped SPRING framework, decide the
 * practice's slug, and adapt the few values the CMS would refuse as they stand (so that one odd
 * metadata value does not block a whole practice). Used by the import service before it writes
 * anything and by the CLI's `--dry-run` (which needs no Strapi).
 *
 * Throws NotASpringPageError for text that is not a page and ImportError for a page that cannot
 * become a practice (no title).
 */
import { springFramework, type Framework } from '../framework/framework';
import { isHttpUrl } from '../invariants/web-address';
import { ImportError } from './errors';
import { parseSpringPage } from './parse-spring-page';
import { slugFor } from '../domain/slug';
import type { ParseOptions, PracticeDraft } from './types';
import type { ImportReportEntry, PreparedPage } from '../../../contract/services';

/** 1-based line of the first line containing `value`, or 0. */
function lineOf(text: string, value: string): number {
  const index = text.split(/\r\n|\r|\n/).findIndex((line) => line.includes(value));
  return index === -1 ? 0 : index + 1;
}

const BARE_DOMAIN = /^(?:www\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+(?::\d+)?(?:[/?#]\S*)?$/i;

/** The CMS stores only absolute http(s) addresses: complete a bare domain, drop anything else. */
function prepareWebsite(value: string, text: string, report: ImportReportEntry[]): string | null {
  const website = value.trim();
  if (isHttpUrl(website)) return website;
  const line = lineOf(text, website);
  if (BARE_DOMAIN.test(website) && isHttpUrl(`https://${website}`)) {
    report.push({ line, level: 'warning', code: 'website-completed', message: `WEBSITE "${website}" has no http(s) scheme; stored as https://${website}.` });
    return `https://${website}`;
  }
  report.push({ line, level: 'warning', code: 'website-invalid', message: `WEBSITE "${website}" is not a web address; left empty.` });
  return null;
}

export function preparePage(text: string, options: ParseOptions = {}, framework: Framework = springFramework): PreparedPage {
  const { practice: parsed, report: parserReport } = parseSpringPage(text, framework, options);
  if (parsed.title === null) {
    throw new ImportError('The page has no title line: give the practice a title (--title "…" on the command line).', parserReport);
  }
  const report: ImportReportEntry[] = [...parserReport];
  const practice: PracticeDraft = { ...parsed };
  if (practice.website !== null) practice.website = prepareWebsite(practice.website, text, report);
  if (practice.projectStart !== null && practice.projectEnd !== null && practice.projectEnd < practice.projectStart) {
    report.push({
      line: lineOf(text, 'PROJECT ENDS'),
      level: 'warning',
      code: 'dates-inverted',
      message: `PROJECT ENDS (${practice.projectEnd}) is before PROJECT STARTS (${practice.projectStart}); the end is left empty.`,
    });
    practice.projectEnd = null;
  }
  report.sort((a, b) => a.line - b.line);
  return { title: parsed.title, slug: slugFor(parsed.title), practice, report };
}
