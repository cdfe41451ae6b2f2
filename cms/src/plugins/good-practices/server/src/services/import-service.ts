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
 * Its types are the contract's (contract/services.ts), shared with the CMS's import command.
 */
import type { Core } from '@strapi/strapi';
import { ImportError } from '../import/errors';
import { preparePage } from '../import/prepare-page';
import { writePractice } from '../import/write-practice';
import { listConfiguredLocales } from '../locales/configured-locales';
import type { ImportPageOptions, ImportResult, ImportService, ImportStatus } from '../../../contract/services';

const STATUSES: readonly ImportStatus[] = ['draft', 'published'];

export function createImportService({ strapi }: { strapi: Core.Strapi }): ImportService {
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
