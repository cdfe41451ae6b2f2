import type { Core } from '@strapi/strapi';
import { registerCustomFields } from './custom-fields/register-custom-fields';
import { createInvariantsMiddleware } from './invariants/document-middleware';

/**
 * Runs before Strapi converts custom fields and before other plugins' bootstrap: the custom
 * fields must exist by then, and registering the invariants middleware here puts it outermost,
 * around i18n's own sync of non-localized fields, so that our propagation runs last.
 */
export default function register({ strapi }: { strapi: Core.Strapi }): void {
  registerCustomFields(strapi);
  strapi.documents.use(createInvariantsMiddleware(strapi));
}
