/**
 * The plugin's options (cms/config/plugins.ts passes them from the environment):
 * - `localeFallbacks`: LOCALE_FALLBACKS, e.g. "ar:en;ca:es,en" (locales/fallback-chains.ts). A
 *   malformed value or a cycle stops the boot here, with the reason; unknown locale codes are
 *   refused by the bootstrap, once the locales can be read.
 */
import { parseLocaleFallbacks } from '../locales/fallback-chains';

export interface PluginConfig {
  localeFallbacks: string;
}

export default {
  default: { localeFallbacks: '' } satisfies PluginConfig,
  validator(config: Partial<PluginConfig>): void {
    parseLocaleFallbacks(config.localeFallbacks ?? '');
  },
};
