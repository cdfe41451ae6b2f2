import type { Core } from '@strapi/strapi';
import { registerCustomFields } from './custom-fields/register-custom-fields';
import { createTranslatorGuard } from './access/translator-guard';
import { createInvariantsMiddleware } from './invariants/document-middleware';
import { createStampMiddleware } from './translation/stamp-middleware';
import { registerXliffUploadLimit } from './xliff/upload-limit';
import { registerSubmissionIntake } from './submissions/intake-middleware';
import { submissionSettings } from './submissions/settings';

/**
 * Runs before Strapi converts custom fields and before other plugins' bootstrap: the custom
 * fields must exist by then, and registering the invariants middleware here puts it outermost,
 * around i18n's own sync of non-localized fields, so that our propagation runs last.
 */
export default function register({ strapi }: { strapi: Core.Strapi }): void {
  registerCustomFields(strapi);
  strapi.documents.use(createInvariantsMiddleware(strapi));
  // Translators may not touch shared values nor other locales, whatever path the write takes;
  // translation stamps record what source text a translation was made from (outdated detection).
  strapi.documents.use(createTranslatorGuard(strapi));
  strapi.documents.use(createStampMiddleware(strapi));
  // Before Strapi's body parser (mounted at bootstrap): an oversized XLIFF upload is refused unread.
  registerXliffUploadLimit(strapi);
  // Before the body parser too: rate limit, 256 KB cap and parsing of public submissions.
  registerSubmissionIntake(strapi, submissionSettings());
}
