/**
 * Server side of the plugin's two JSON-backed custom fields (their admin inputs come later).
 * Components cannot ship in a plugin, so structured values live in JSON columns whose shape the
 * invariants enforce (see invariants/assessment-rules.ts and answer-rules.ts).
 *
 * - `plugin::good-practices.assessment`: checklist item key -> met | not-met | not-assessed;
 *   used non-localized (a fact about the practice).
 * - `plugin::good-practices.answers`: [{ questionKey, body, tools }]; used localized.
 */
import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../plugin-id';

export function registerCustomFields(strapi: Core.Strapi): void {
  strapi.customFields.register([
    { name: 'assessment', plugin: PLUGIN_ID, type: 'json' },
    { name: 'answers', plugin: PLUGIN_ID, type: 'json' },
  ]);
}
