/**
 * The `import` service: imports the text of one SPRING good-practice page as a practice.
 *
 *   strapi.plugin('good-practices').service('import').importPage(text, {
 *     locale?,   // a configured locale; default: the default locale
 *     status?,   // 'draft' (default: stays unpublished) | 'published'
 *     dryRun?,   // read only: parse and work out what would happen
 *     title?,    // for a page without a title line
 *     country?,  // country name or ISO code, for a page that gives none
 *     fileName?, // echoed in the result and the log
 *   }) → ImportResult
 *
 * Throws NotASpringPageError (not a page) or ImportError (cannot be imported as asked) before
 * writing anything, and Strapi's ValidationError when the plugin's invariants refuse a write (the
 * whole import is then rolled back). See import/write-practice.ts for identity and idempotency.
 */
import type { Core } from '@strapi/strapi';
import { ImportError } from '../import/errors';
import { preparePage } from '../import/prepare-page';
import type { ImportReportEntry } from '../import/prepare-page';
import type { PracticeDraft } from '../import/types';
import { type ImportAction, type ImportStatus, type ToolOutcome, writePractice } from '../import/write-practice';
import { listConfiguredLocales } from '../locales/configured-locales';

export type { ImportAction, ImportStatus, ToolOutcome } from '../import/write-practice';

export interface ImportPageOptions {
  locale?: string;
  status?: ImportStatus;
  dryRun?: boolean;
  title?: string;
  country?: string;
  fileName?: string;
}

export interface ImportResult {
  fileName: string | null;
  /** null only on a dry run of a practice that does not exist yet. */
  documentId: string | null;
  slug: string;
  title: string;
  locale: string;
  status: ImportStatus;
  action: ImportAction;
  dryRun: boolean;
  /** True when this import published the practice (false when it already was, unchanged). */
  published: boolean;
  tools: ToolOutcome[];
  /** The parsed practice, keyed by framework keys. */
  practice: PracticeDraft;
  /** Everything the import had to interpret, in page order (line 0 = the page as a whole). */
  report: ImportReportEntry[];
}

const STATUSES: readonly ImportStatus[] = ['draft', 'published'];

export function createImportService({ strapi }: { strapi: Core.Strapi }) {
  async function resolveLocale(requested: string | undefined): Promise<string> {
    const locales = await listConfiguredLocales(strapi);
    if (requested === undefined) return locales.find((locale) => locale.isDefault)?.code ?? locales[0]?.code ?? 'en';
    if (!locales.some((locale) => locale.code === requested)) {
      throw new ImportError(`The locale “${requested}” is not configured in the CMS (configured: ${locales.map((locale) => locale.code).join(', ')}).`);
    }
    return requested;
  }

  return {
    async importPage(text: string, options: ImportPageOptions = {}): Promise<ImportResult> {
      const status = options.status ?? 'draft';
      if (!STATUSES.includes(status)) throw new ImportError(`The status must be draft or published, not “${String(status)}”.`);
      const dryRun = options.dryRun === true;
      const locale = await resolveLocale(options.locale);
      const page = preparePage(text, { title: options.title, country: options.country });
      const outcome = await writePractice(strapi, page, { locale, status, dryRun });
      const result: ImportResult = {
        fileName: options.fileName ?? null,
        documentId: outcome.documentId,
        slug: page.slug,
        title: page.title,
        locale,
        status,
        action: outcome.action,
        dryRun,
        published: outcome.published,
        tools: outcome.tools,
        practice: page.practice,
        report: page.report,
      };
      if (!dryRun) {
        strapi.log.info(
          `[good-practices] import${result.fileName ? ` ${result.fileName}` : ''}: ${result.action} practice ${result.slug} (${locale}, ${status}, ${result.documentId}).`,
        );
      }
      return result;
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
