/**
 * Imports SPRING good-practice pages (their text) as practices:
 *
 *   node cms/scripts/import.ts [--locale en] [--status draft|published] [--dry-run]
 *                              [--title "…"] [--country CC] FILE…
 *
 * (`npm run import -- …` builds what is needed and runs this with the local .env.) Strapi is
 * loaded in-process on the configured database, without serving HTTP; `--dry-run` only parses,
 * without Strapi, and prints the practices as JSON. See USAGE in lib/import-args.ts.
 *
 * stdout: one line per imported file (dry run: the JSON only); stderr: the parser's report as
 * `FILE:LINE: level: message [code]`, and errors. Exit status 0 / 1 (a file failed) / 2 (usage).
 * Files are read as strict UTF-8. Before exiting, the site is told of what was published.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { parseImportArgs, USAGE, UsageError, type ImportArgs } from './lib/import-args.ts';
import type { DeploymentService, ImportReportEntry as ReportEntry, ImportResult, PreparedPage } from '../src/plugins/good-practices/contract/services.ts';
import { importService, loadStrapi, requirePlugin, settleEntryEvents, stopStrapi } from './lib/strapi-app.ts';

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The file as the user sees it: relative to the directory the command was run from (npm sets INIT_CWD). */
function displayName(file: string): string {
  const base = process.env.INIT_CWD ?? process.cwd();
  const relative = path.relative(base, path.resolve(file));
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

function printReport(file: string, report: readonly ReportEntry[]): void {
  for (const entry of report) process.stderr.write(`${file}:${entry.line}: ${entry.level}: ${entry.message} [${entry.code}]\n`);
}

function counts(report: readonly ReportEntry[]): string {
  const errors = report.filter((entry) => entry.level === 'error').length;
  const warnings = report.length - errors;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return errors > 0 ? `${plural(warnings, 'warning')}, ${plural(errors, 'error')}` : plural(warnings, 'warning');
}

/** Errors thrown before anything is written, recognised by name (the plugin's classes live in its dist). */
function isPageError(error: unknown): error is Error & { report?: ReportEntry[] } {
  return error instanceof Error && (error.name === 'NotASpringPageError' || error.name === 'ImportError');
}

function describeFailure(file: string, error: unknown): void {
  if (isPageError(error)) {
    if (Array.isArray(error.report)) printReport(file, error.report);
    process.stderr.write(`${file}: error: ${error.message}\n`);
    return;
  }
  if (error instanceof Error && error.name === 'ValidationError') {
    const details = (error as Error & { details?: { errors?: { path?: string[]; message?: string }[] } }).details;
    const fields = (details?.errors ?? []).map((entry) => `${(entry.path ?? []).join('.') || '(practice)'}: ${entry.message ?? ''}`);
    process.stderr.write(`${file}: error: the CMS refused the practice, nothing was written: ${error.message}\n`);
    for (const field of fields) process.stderr.write(`${file}:   ${field}\n`);
    return;
  }
  process.stderr.write(`${file}: error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
}

function summary(file: string, result: ImportResult): string {
  const toolsCreated = result.tools.filter((tool) => tool.action === 'created').length;
  const state = result.status === 'published' ? 'published' : 'draft';
  return (
    `${file}: ${result.action} practice “${result.title}” (slug ${result.slug}, ${result.locale}, ${state}, documentId ${result.documentId}): ` +
    `${result.practice.answers.length} answers, ${Object.keys(result.practice.assessment).length} checklist items assessed, ` +
    `${result.tools.length} tools (${toolsCreated} new); ${counts(result.report)}`
  );
}

/** The file's text, strict UTF-8: a file in another encoding is refused naming its line (ImportError). */
function readPage(file: string): string {
  const { pageText } = requirePlugin<{ pageText: (bytes: Uint8Array) => string }>('import/page-text.js');
  return pageText(readFileSync(file));
}

function parseOnly(args: ImportArgs): number {
  const { preparePage } = requirePlugin<{ preparePage: (text: string, options: { title?: string; country?: string }) => PreparedPage }>('import/prepare-page.js');
  const practices: unknown[] = [];
  let failed = 0;
  for (const file of args.files) {
    const name = displayName(file);
    try {
      const page = preparePage(readPage(file), { title: args.title, country: args.country });
      printReport(name, page.report);
      const tools = page.practice.answers.reduce((sum, answer) => sum + answer.tools.length, 0);
      process.stderr.write(
        `${name}: parsed “${page.title}” (slug ${page.slug}): ${page.practice.answers.length} answers, ` +
          `${Object.keys(page.practice.assessment).length} checklist items assessed, ${tools} tools; ${counts(page.report)}\n`,
      );
      practices.push({ file: name, title: page.title, slug: page.slug, locale: args.locale ?? null, status: args.status, practice: page.practice, report: page.report });
    } catch (error) {
      failed += 1;
      describeFailure(name, error);
    }
  }
  process.stdout.write(`${JSON.stringify(practices, null, 2)}\n`);
  return failed > 0 ? 1 : 0;
}

async function configuredLocales(strapi: Core.Strapi): Promise<string[]> {
  const locales = strapi.plugin('i18n').service('locales') as { find(): Promise<{ code: string }[]> };
  return (await locales.find()).map((locale) => locale.code).sort();
}

/**
 * Before the process exits: the site hears of what this run published, by the same signed
 * notification as a publish in the admin (the plugin's site notifier, started at boot from
 * SITE_REVALIDATE_URL and REVALIDATE_SECRET, would otherwise send it on a timer the exit cuts
 * short). A site that does not answer is reported on stderr by the notifier; the import stands.
 */
async function notifySite(strapi: Core.Strapi): Promise<void> {
  const deployment = strapi.plugin('good-practices').service('deployment') as DeploymentService;
  try {
    await deployment.flushSiteNotifications();
  } catch (error) {
    process.stderr.write(`warning: the site could not be told about the import: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}

async function importAll(args: ImportArgs): Promise<number> {
  let strapi: Core.Strapi | undefined;
  try {
    strapi = await loadStrapi();
  } catch (error) {
    process.stderr.write(`error: the CMS could not be loaded: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    await stopStrapi(strapi);
    return 1;
  }
  let failed = 0;
  try {
    // A locale the CMS does not have is an argument error, found before any file is read.
    const configured = await configuredLocales(strapi);
    if (args.locale !== undefined && !configured.includes(args.locale)) {
      process.stderr.write(`error: --locale ${args.locale} is not configured in the CMS (configured: ${configured.join(', ')}).\n\n${USAGE}\n`);
      return 2;
    }
    const service = importService(strapi);
    for (const file of args.files) {
      const name = displayName(file);
      try {
        const result = await service.importPage(readPage(file), {
          locale: args.locale,
          status: args.status,
          title: args.title,
          country: args.country,
          fileName: name,
        });
        printReport(name, result.report);
        process.stdout.write(`${summary(name, result)}\n`);
      } catch (error) {
        failed += 1;
        describeFailure(name, error);
      }
    }
  } finally {
    // The notifier hears of a publication only once Strapi's entry event is out.
    await settleEntryEvents(strapi);
    await notifySite(strapi);
    await stopStrapi(strapi);
  }
  if (failed > 0) process.stderr.write(`${failed} of ${args.files.length} files not imported.\n`);
  return failed > 0 ? 1 : 0;
}

async function main(argv: readonly string[]): Promise<number> {
  let args: ImportArgs;
  try {
    args = parseImportArgs(argv, { isFile });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`error: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  return args.dryRun ? parseOnly(args) : importAll(args);
}

/** Exits once stdout is flushed (a pipe reader must get the whole JSON), even if Strapi left timers behind. */
function exit(code: number): void {
  process.stdout.write('', () => process.exit(code));
}

main(process.argv.slice(2)).then(exit, (error: unknown) => {
  process.stderr.write(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  exit(1);
});
