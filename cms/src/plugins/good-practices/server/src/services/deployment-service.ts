/**
 * The `deployment` service: what the app wires at boot for editors, translators and the site
 * (cms/src/bootstrap/editorial.ts reads the environment and calls these):
 *
 *   ensureRoles({ translatorLocales? })   Editor and Translator admin roles, created only if absent
 *   ensureSiteTokens({ read?, preview? }) the site's API tokens with the deployment's access keys
 *   startSiteNotifier({ revalidateUrl?, secret?, rebuildHookUrl? })  publish → site
 *   flushSiteNotifications()                                           before a script exits
 *
 * Its types are the contract's (contract/services.ts), shared with the CMS's scripts.
 */
import type { Core } from '@strapi/strapi';
import { ensureEditorialRoles } from '../access/ensure-roles';
import { ensureSiteTokens } from '../access/ensure-site-tokens';
import { type SiteNotifier, startSiteNotifier } from '../webhooks/site-notifier';
import type { DeploymentService, RolesOptions, SiteNotifierOptions, SiteTokenKeys } from '../../../contract/services';

export function createDeploymentService({ strapi }: { strapi: Core.Strapi }): DeploymentService {
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
