/**
 * Admin panel part of the plugin (package.json `exports['./strapi-admin']`, bundled from source by
 * the app's admin build): registers the plugin and the inputs of its two custom fields, whose
 * server side is server/src/custom-fields/register-custom-fields.ts.
 */
import { CheckCircle, Feather, Earth } from '@strapi/icons';
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { adminApi, type StrapiApp } from '@strapi/strapi/admin';
import type * as React from 'react';
import { mutateEditViewLayout, translateListHeaders } from './content-manager/translated-layout';
import { EditingPanel } from './edit-view/editing-panel';
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
    app.customFields.register([
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
