/**
 * The plugin's name (package.json `strapi.name`) and the UIDs of everything it registers: names
 * the server registers and the admin panel uses (Content Manager links, permission subjects).
 */
export const PLUGIN_ID = 'good-practices';

export const uids = {
  criteriaGroup: 'plugin::good-practices.criteria-group',
  question: 'plugin::good-practices.question',
  checklistItem: 'plugin::good-practices.checklist-item',
  practice: 'plugin::good-practices.practice',
  tool: 'plugin::good-practices.tool',
  integrationArea: 'plugin::good-practices.integration-area',
  targetGroup: 'plugin::good-practices.target-group',
  site: 'plugin::good-practices.site',
} as const;

export type PluginContentTypeUid = (typeof uids)[keyof typeof uids];

export const customFieldUids = {
  assessment: 'plugin::good-practices.assessment',
  answers: 'plugin::good-practices.answers',
  country: 'plugin::good-practices.country',
} as const;

/**
 * The criteria framework and the taxonomies: only administrators create their entries (the
 * server's role permissions), and the admin panel shows them in the administrators' "Criteria
 * framework" area rather than in everyone's Content Manager menu.
 */
export const criteriaFrameworkTypes: readonly PluginContentTypeUid[] = [uids.criteriaGroup, uids.question, uids.checklistItem, uids.integrationArea, uids.targetGroup];
