/**
 * Waiting for the CMS's site notifier (server/src/webhooks/site-notifier.ts) to be done with the
 * writes so far: every notification sent and answered, or given up on and logged. A test that
 * says "the site was NOT told" waits for this first; a fixed pause would be too short on a loaded
 * machine (and pass whatever the code does) and needlessly long everywhere else.
 *
 * It is the notifier's own `flush()`, which the import command awaits before it exits. Strapi
 * emits a write's events after the commit without awaiting them; flush() first waits until no
 * event has come for a moment, so the events of a write that has just returned are counted.
 */
import type { Core } from '@strapi/strapi';
import type { DeploymentService } from '../../contract/services';

export async function siteNotificationsDone(strapi: Core.Strapi): Promise<void> {
  await (strapi.plugin('good-practices').service('deployment') as DeploymentService).flushSiteNotifications();
}
