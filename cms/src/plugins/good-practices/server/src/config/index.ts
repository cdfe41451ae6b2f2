/**
 * The plugin's options (cms/config/plugins.ts passes them from the environment):
 * - `localeFallbacks`: LOCALE_FALLBACKS, e.g. "ar:en;ca:es,en" (locales/fallback-chains.ts). A
 *   malformed value or a cycle stops the boot here, with the reason; unknown locale codes are
 *   refused by the bootstrap, once the locales can be read.
 * - `warmUp`: CACHE_WARM_UP, how many milliseconds after the last write of public content the
 *   read models are built again (read-model/warm-up.ts), or `off`.
 */
import { parseLocaleFallbacks } from '../locales/fallback-chains';

import { parseWarmUp } from '../read-model/warm-up-setting';

export interface PluginConfig {
  localeFallbacks: string;
  warmUp: string;
}

export default {
  default: { localeFallbacks: '', warmUp: 'off' } satisfies PluginConfig,
  validator(config: Partial<PluginConfig>): void {
    parseLocaleFallbacks(config.localeFallbacks ?? '');
    parseWarmUp(config.warmUp ?? 'off');
  },
};
