/**
 * The app's admin panel customisation: the interface languages offered besides English (each
 * user picks one in their profile; Strapi stores it as the user's `preferedLanguage`). The same
 * languages as the plugin's admin translations (plugin admin/src/translations/): en, cs, es, ar.
 */
export default {
  config: {
    locales: ['cs', 'es', 'ar'],
  },
  bootstrap(): void {},
};
