/**
 * Arguments of the SPRING page import (`npm run import -- …`, `node cms/scripts/import.ts …`).
 * Pure: the file check is injected, so that the rules are unit-tested without touching disk.
 * Any problem is a UsageError: the caller prints it with USAGE and exits with status 2.
 */
import { parseArgs } from 'node:util';

export type ImportStatusArg = 'draft' | 'published';

export interface ImportArgs {
  help: boolean;
  /** undefined: the CMS's default locale. */
  locale: string | undefined;
  status: ImportStatusArg;
  dryRun: boolean;
  title: string | undefined;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string | undefined;
  files: string[];
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const USAGE = `Usage: npm run import -- [options] FILE…
       node cms/scripts/import.ts [options] FILE…

Imports the text of SPRING good-practice pages as practices: one practice per file, created or
updated by its slug (derived from the title) within the locale; re-importing a file changes nothing.

Options:
  --locale CODE     locale to write the practices in (default: the CMS's default locale)
  --status STATUS   draft (default: left unpublished for review) or published
  --dry-run         only parse: print the practices as JSON on stdout, write nothing (no CMS needed)
  --title "TITLE"   title of a page that has no title line (only with a single FILE)
  --country CC      ISO 3166-1 alpha-2 country code, for a page that names no country
  -h, --help        show this help

Output: one line per file on stdout, the parser's report on stderr as FILE:LINE: level: message
(line 0 = the page as a whole). Exit status: 0 when every file was imported, 1 when at least one
file could not be (the others are still imported), 2 for a usage error.`;

/** The contract's locale code form (en, cs, pt-BR). */
const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const STATUSES: readonly string[] = ['draft', 'published'];
/** Reserved codes that CLDR names but that are not countries (EU, UN, Canary Islands…). */
const NOT_COUNTRIES = new Set(['AC', 'CP', 'CQ', 'DG', 'EA', 'EU', 'EZ', 'IC', 'TA', 'UN']);
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** ISO 3166-1 alpha-2 per the runtime's CLDR data (XK, Kosovo, included; user-assigned and deprecated codes not). */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code)) return false;
  if (code === 'XK') return true;
  if (code === 'AA' || code === 'ZZ' || /^Q[M-Z]$/.test(code) || code.startsWith('X') || NOT_COUNTRIES.has(code)) return false;
  try {
    if (new Intl.Locale('und', { region: code }).region !== code) return false;
  } catch {
    return false;
  }
  return regionNames.of(code) !== undefined;
}

export interface ParseImportArgsOptions {
  /** True when `file` names a readable regular file; not called for --help. */
  isFile: (file: string) => boolean;
}

export function parseImportArgs(argv: readonly string[], { isFile }: ParseImportArgsOptions): ImportArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: {
        locale: { type: 'string' },
        status: { type: 'string' },
        'dry-run': { type: 'boolean' },
        title: { type: 'string' },
        country: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // parseArgs' own messages are clear ("Unknown option '--foo'", "Option '--locale <value>' argument missing").
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const args: ImportArgs = {
    help: values.help === true,
    locale: values.locale,
    status: 'draft',
    dryRun: values['dry-run'] === true,
    title: undefined,
    country: undefined,
    files: positionals,
  };
  if (args.help) return args;

  if (values.locale !== undefined && !LOCALE.test(values.locale)) {
    throw new UsageError(`--locale ${JSON.stringify(values.locale)} is not a locale code (for example en, cs, pt-BR).`);
  }
  if (values.status !== undefined) {
    if (!STATUSES.includes(values.status)) throw new UsageError(`--status must be draft or published, not ${JSON.stringify(values.status)}.`);
    args.status = values.status as ImportStatusArg;
  }
  if (values.country !== undefined) {
    const code = values.country.trim().toUpperCase();
    if (!isCountryCode(code)) {
      throw new UsageError(`--country ${JSON.stringify(values.country)} is not an ISO 3166-1 alpha-2 country code (for example CZ, ES, DE).`);
    }
    args.country = code;
  }
  if (values.title !== undefined) {
    const title = values.title.replace(/\s+/g, ' ').trim();
    if (title === '') throw new UsageError('--title must not be empty.');
    args.title = title;
  }
  if (args.files.length === 0) throw new UsageError('No FILE given: name at least one page text file.');
  if (args.title !== undefined && args.files.length > 1) {
    throw new UsageError('--title applies to a single page: import that FILE on its own.');
  }
  const missing = args.files.filter((file) => !isFile(file));
  if (missing.length > 0) {
    throw new UsageError(`${missing.length === 1 ? 'No such file' : 'No such files'}: ${missing.join(', ')}`);
  }
  return args;
}
