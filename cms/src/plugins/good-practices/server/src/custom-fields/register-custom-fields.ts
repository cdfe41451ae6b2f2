/**
 * Server side of the plugin's custom fields (their inputs: admin/src/index.ts).
 * Components cannot ship in a plugin, so structured values live in JSON columns whose shape the
 * invariants enforce (see invariants/assessment-rules.ts and answer-rules.ts).
 *
 * - `plugin::good-practices.assessment`: checklist item key -> met | not-met | not-assessed;
 *   used non-localized (a fact about the practice).
 * - `plugin::good-practices.answers`: [{ questionKey, body, tools }]; used localized.
 * - `plugin::good-practices.country`: an ISO 3166-1 alpha-2 code in a string column, as before it
 *   was a custom field (the practice schema keeps its maxLength and regex, and the invariants
 *   check the code against contract/country-codes.ts), so stored values stay as they are; only
 *   the admin's input changes, to a select of country names in the admin's language.
 */
import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../plugin-id';

export function registerCustomFields(strapi: Core.Strapi): void {
  strapi.customFields.register([
    { name: 'assessment', plugin: PLUGIN_ID, type: 'json' },
    { name: 'answers', plugin: PLUGIN_ID, type: 'json' },
    { name: 'country', plugin: PLUGIN_ID, type: 'string' },
  ]);
}
