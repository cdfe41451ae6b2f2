/** The plugin has no options yet; Strapi requires a default and a validator. */
export default {
  default: {},
  validator(): void {},
};
