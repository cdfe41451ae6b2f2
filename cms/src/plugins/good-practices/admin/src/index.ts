/**
 * Admin panel part of the plugin (package.json `exports['./strapi-admin']`, bundled from source by
 * the app's admin build): registers the plugin, the inputs of its custom fields (whose server side
 * is server/src/custom-fields/register-custom-fields.ts), its pages and where users land.
 */
import { BulletList, CheckCircle, Earth, Feather, Globe } from '@strapi/icons';
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { adminApi, type StrapiApp } from '@strapi/strapi/admin';
import type * as React from 'react';
import { mutateEditViewLayout, translateListHeaders } from './content-manager/translated-layout';
import { EditingPanel } from './edit-view/editing-panel';
import { type AdminPermission, CRITERIA_FRAMEWORK_PATH, criteriaFrameworkPermissions, withoutCriteriaFrameworkLinks } from './navigation/criteria-framework';
import { PLUGIN_ID } from './pluginId';
import { freshPreviewLinks } from './preview/fresh-preview-links';
import { translationPagePermissions } from './translation-status/menu-permissions';
import { message, prefixed } from './translations/messages';

type InputModule = { default: React.ComponentType<never> };

/**
 * The Content Manager renders a custom field's Input with the field's props; Strapi types the
 * loader as returning a component without props, hence this one cast.
 */
function lazyInput(load: () => Promise<InputModule>): () => Promise<{ default?: React.ComponentType }> {
  return load as () => Promise<{ default?: React.ComponentType }>;
}

const translationFiles: Record<string, () => Promise<{ default: Record<string, string> }>> = {
  en: () => import('./translations/en.json'),
  cs: () => import('./translations/cs.json'),
  es: () => import('./translations/es.json'),
  ar: () => import('./translations/ar.json'),
};

let registeredApp: StrapiApp | undefined;

/** The user's admin permissions, as the panel loaded them at login (Strapi's `getMyPermissions` query). */
function loadedPermissions(): AdminPermission[] | undefined {
  const endpoint = (adminApi.endpoints as Record<string, { select(args: undefined): (state: never) => { data?: AdminPermission[] } } | undefined>).getMyPermissions;
  const store = registeredApp?.store;
  if (!endpoint || !store) return undefined;
  return endpoint.select(undefined)(store.getState() as never).data;
}

export default {
  register(app: StrapiApp): void {
    app.registerPlugin({ id: PLUGIN_ID, name: 'Good practices' });
    // Preview URLs carry a 10-minute token: the Content Manager's cached ones are renewed in time.
    app.addMiddlewares([() => freshPreviewLinks(adminApi)]);
    // The translation page: status per locale and XLIFF files (translation-status/TranslationPage.tsx).
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Earth,
      intlLabel: message('translation.menu'),
      permissions: translationPagePermissions,
      Component: () => import('./translation-status/TranslationPage'),
    });
    // The administrators' area for the criteria framework and the taxonomies.
    app.addMenuLink({
      to: CRITERIA_FRAMEWORK_PATH,
      icon: BulletList,
      intlLabel: message('framework.menu'),
      permissions: criteriaFrameworkPermissions,
      Component: () => import('./navigation/CriteriaFrameworkPage'),
    });
    // "Content Manager" opens the practices (navigation/LandOnPractices.tsx says why a route).
    app.router.addRoute({
      path: 'content-manager',
      children: [{ index: true, lazy: async () => ({ Component: (await import('./navigation/LandOnPractices')).default }) }],
    });
    // Bootstrap gets a narrower object without the store; the menu hook below reads it from here.
    registeredApp = app;
    app.customFields.register([
      {
        name: 'country',
        pluginId: PLUGIN_ID,
        type: 'string',
        intlLabel: message('country.label'),
        intlDescription: message('country.description'),
        icon: Globe,
        components: { Input: lazyInput(() => import('./country/CountryInput')) },
      },
      {
        name: 'assessment',
        pluginId: PLUGIN_ID,
        type: 'json',
        intlLabel: message('assessment.label'),
        intlDescription: message('assessment.description'),
        icon: CheckCircle,
        components: { Input: lazyInput(() => import('./assessment/AssessmentInput')) },
      },
      {
        name: 'answers',
        pluginId: PLUGIN_ID,
        type: 'json',
        intlLabel: message('answers.label'),
        intlDescription: message('answers.description'),
        icon: Feather,
        components: { Input: lazyInput(() => import('./answers/AnswersInput')) },
      },
    ]);
  },

  /** The edit view's side panel (save check, validation workflow, edits kept on a refused save). */
  bootstrap(app: StrapiApp): void {
    // Strapi types a plugin's apis as unknown; the content manager's are typed in its package.
    const contentManager = app.getPlugin('content-manager').apis as ContentManagerPlugin['config']['apis'];
    contentManager.addEditViewSidePanel([EditingPanel]);
    // Field labels and help texts in the admin's language; the practice form in its groups.
    app.registerHook('Admin/CM/pages/EditView/mutate-edit-view-layout', mutateEditViewLayout);
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', translateListHeaders);
    // The framework's types are in the administrators' "Criteria framework" area, not in others' menu.
    app.registerHook('Admin/CM/pages/App/mutate-collection-types-links', ({ ctLinks, models }: { ctLinks: Array<{ uid: string }>; models: unknown }) => ({
      ctLinks: withoutCriteriaFrameworkLinks(ctLinks, loadedPermissions()),
      models,
    }));
  },

  /** Strapi asks for the admin interface languages configured in the app; others fall back to English. */
  async registerTrads({ locales }: { locales: string[] }): Promise<Array<{ data: Record<string, string>; locale: string }>> {
    return Promise.all(
      locales.map(async (locale) => {
        const load = translationFiles[locale];
        if (!load) return { data: {}, locale };
        try {
          return { data: prefixed((await load()).default), locale };
        } catch {
          return { data: {}, locale };
        }
      }),
    );
  },
};
