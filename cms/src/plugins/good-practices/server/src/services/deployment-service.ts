/**
 * The `deployment` service: what the app wires at boot for editors, translators and the site
 * (cms/src/bootstrap/editorial.ts reads the environment and calls these):
 *
 *   ensureRoles({ translatorLocales? })   Editor and Translator admin roles, created only if absent
 *   ensureSiteTokens({ read?, preview? }) the site's API tokens with the deployment's access keys
 *   startSiteNotifier({ revalidateUrl?, secret?, rebuildHookUrl? })  publish → site
 *   flushSiteNotifications()                                           before a script exits
 */
import type { Core } from '@strapi/strapi';
import { ensureEditorialRoles, type RolesOptions } from '../access/ensure-roles';
import { ensureSiteTokens, type SiteTokenKeys } from '../access/ensure-site-tokens';
import { type SiteNotifier, type SiteNotifierOptions, startSiteNotifier } from '../webhooks/site-notifier';

export function createDeploymentService({ strapi }: { strapi: Core.Strapi }) {
  let notifier: SiteNotifier | undefined;
  return {
    /** Outer first: the guard refuses before anything is written or stamped. */
    ensureRoles(options: RolesOptions = {}): Promise<string[]> {
      return ensureEditorialRoles(strapi, options);
    },

    ensureSiteTokens(keys: SiteTokenKeys): Promise<void> {
      return ensureSiteTokens(strapi, keys);
    },

    /** Starts (or restarts with new options) the notifier; false when nothing is configured. */
    startSiteNotifier(options: SiteNotifierOptions): boolean {
      notifier?.stop();
      notifier = startSiteNotifier(strapi, options);
      return notifier !== undefined;
    },

    stopSiteNotifier(): void {
      notifier?.stop();
      notifier = undefined;
    },

    /** Sends the site notifications still waiting and waits for them (for scripts about to exit). */
    async flushSiteNotifications(): Promise<void> {
      await notifier?.flush();
    },
  };
}

export type DeploymentService = ReturnType<typeof createDeploymentService>;
