import type { Core } from '@strapi/strapi';

/**
 * Editors, translators and the site, configured from this deployment's environment through the
 * good-practices plugin's `deployment` service:
 *
 * - TRANSLATOR_LOCALES   comma list of locale codes of the Translator role when it is created
 *                        (default: every locale except the default one);
 * - SITE_READ_TOKEN      access key of the site's API token for the public read API;
 * - SITE_PREVIEW_TOKEN   access key of the site's API token for GET /api/good-practices/preview/…;
 * - SITE_REVALIDATE_URL  the site's webhook (e.g. http://127.0.0.1:4321/api/revalidate), called
 *                        signed with REVALIDATE_SECRET when published content changes;
 * - SITE_REBUILD_HOOK_URL optional build hook (static site), POSTed after changes.
 */

/** The plugin service's surface used here (the app does not compile the plugin's sources). */
interface DeploymentService {
  ensureRoles(options: { translatorLocales?: string[] }): Promise<string[]>;
  ensureSiteTokens(keys: { read?: string; preview?: string }): Promise<void>;
  startSiteNotifier(options: { revalidateUrl?: string; secret?: string; rebuildHookUrl?: string }): boolean;
}

function deployment(strapi: Core.Strapi): DeploymentService {
  return strapi.plugin('good-practices').service('deployment') as unknown as DeploymentService;
}

function list(value: string | undefined): string[] | undefined {
  const items = (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  return items.length > 0 ? items : undefined;
}

/** At bootstrap, once locales exist (roles need them) and the token services are up. */
export async function configureEditorial(strapi: Core.Strapi, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const service = deployment(strapi);
  await service.ensureRoles({ translatorLocales: list(env.TRANSLATOR_LOCALES) });
  await service.ensureSiteTokens({ read: env.SITE_READ_TOKEN, preview: env.SITE_PREVIEW_TOKEN });
  service.startSiteNotifier({
    revalidateUrl: env.SITE_REVALIDATE_URL,
    secret: env.REVALIDATE_SECRET,
    rebuildHookUrl: env.SITE_REBUILD_HOOK_URL,
  });
}
