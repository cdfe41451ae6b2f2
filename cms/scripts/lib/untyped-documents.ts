/**
 * The Document Service and the i18n locales service without the app's generated types, for the
 * scripts that write content in bulk (the demo seed, the benchmark's generator): Strapi's types
 * only know the content types registered in the app's generated types, not the plugin's UIDs.
 */
import type { Core } from '@strapi/strapi';

export const UID = {
  practice: 'plugin::good-practices.practice',
  tool: 'plugin::good-practices.tool',
  criteriaGroup: 'plugin::good-practices.criteria-group',
  question: 'plugin::good-practices.question',
  checklistItem: 'plugin::good-practices.checklist-item',
  integrationArea: 'plugin::good-practices.integration-area',
  targetGroup: 'plugin::good-practices.target-group',
  site: 'plugin::good-practices.site',
} as const;

export type Data = Record<string, unknown>;

export interface Entry {
  documentId: string;
  [field: string]: unknown;
}

export interface Documents {
  findMany(params: Data): Promise<Entry[]>;
  findFirst(params: Data): Promise<Entry | null>;
  create(params: Data): Promise<Entry>;
  update(params: Data): Promise<Entry | null>;
  publish(params: Data): Promise<unknown>;
}

export interface LocalesService {
  findByCode(code: string): Promise<unknown>;
  create(locale: { code: string; name: string }): Promise<unknown>;
  getDefaultLocale(): Promise<string | null | undefined>;
  setDefaultLocale(locale: { code: string }): Promise<unknown>;
}

export function documents(strapi: Core.Strapi, uid: string): Documents {
  return strapi.documents(uid as typeof UID.practice) as unknown as Documents;
}

export function localesService(strapi: Core.Strapi): LocalesService {
  return strapi.plugin('i18n').service('locales') as LocalesService;
}
