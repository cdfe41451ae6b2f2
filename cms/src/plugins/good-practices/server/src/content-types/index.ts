/**
 * The plugin's content types. Keys of this object are the singular names, so their UIDs are
 * `plugin::good-practices.<key>` (see plugin-id.ts). Schemas live in JSON so that they read like
 * every other Strapi schema; attributes read by visitors are localized, facts are not.
 */
import criteriaGroup from './criteria-group/schema.json';
import question from './question/schema.json';
import checklistItem from './checklist-item/schema.json';
import practice from './practice/schema.json';
import tool from './tool/schema.json';
import integrationArea from './integration-area/schema.json';
import targetGroup from './target-group/schema.json';
import site from './site/schema.json';

export default {
  'criteria-group': { schema: criteriaGroup },
  question: { schema: question },
  'checklist-item': { schema: checklistItem },
  practice: { schema: practice },
  tool: { schema: tool },
  'integration-area': { schema: integrationArea },
  'target-group': { schema: targetGroup },
  site: { schema: site },
};
