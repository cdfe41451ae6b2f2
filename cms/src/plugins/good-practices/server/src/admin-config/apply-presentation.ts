/**
 * Writes the plugin's Content Manager presentation (contract/admin-fields.ts: labels, help texts,
 * the grouped edit layout, list columns, the fields that name entries) into Strapi's stored
 * configuration at every boot, through the content manager's own configuration service.
 *
 * Hand changes win. The plugin remembers, in its core store, the value it last wrote at each path
 * it manages; it writes a path only while the stored value is still that one (or, before it ever
 * wrote, still the value Strapi generated). A label or layout an administrator changed in
 * "Configure the view" therefore stays as they made it, on this boot and every later one, while
 * the plugin still updates the values nobody touched. Running twice changes nothing the second
 * time (nothing is written when nothing differs).
 */
import type { Core } from '@strapi/strapi';
import { adminPresentation } from '../../../contract/admin-fields';
import { PLUGIN_ID, type PluginContentTypeUid } from '../plugin-id';
import { isStrapiDefault, sameValue, type SchemaShape, storedValue, type StoredConfiguration, wantedValues, withValue, type ManagedValues } from './presentation-values';

const MEMORY_KEY = 'content-manager-presentation';

interface ContentTypesConfigurationService {
  findContentType(uid: string): (SchemaShape & { uid: string }) | undefined;
  findConfiguration(contentType: { uid: string }): Promise<StoredConfiguration & { uid: string }>;
  updateConfiguration(contentType: { uid: string }, configuration: StoredConfiguration): Promise<unknown>;
}

export interface PresentationOutcome {
  /** Content types whose stored configuration was written. */
  written: string[];
  /** "uid path" of each value kept because someone changed it by hand. */
  kept: string[];
}

export async function applyContentManagerPresentation(strapi: Core.Strapi): Promise<PresentationOutcome> {
  const service = strapi.plugin('content-manager').service('content-types') as unknown as ContentTypesConfigurationService;
  const store = strapi.store({ type: 'plugin', name: PLUGIN_ID });
  const remembered = ((await store.get({ key: MEMORY_KEY })) ?? {}) as Record<string, ManagedValues>;
  const outcome: PresentationOutcome = { written: [], kept: [] };
  const memory: Record<string, ManagedValues> = {};

  for (const [uid, presentation] of Object.entries(adminPresentation) as [PluginContentTypeUid, (typeof adminPresentation)[PluginContentTypeUid]][]) {
    const schema = service.findContentType(uid);
    if (!schema) continue;
    const { uid: _uid, ...configuration } = await service.findConfiguration(schema);
    const previous = remembered[uid] ?? {};
    const wanted = wantedValues(presentation, schema);
    const written: ManagedValues = {};
    let changed = false;
    for (const [path, value] of Object.entries(wanted)) {
      const current = storedValue(configuration, path);
      const untouched = path in previous ? sameValue(current, previous[path]) : isStrapiDefault(path, current, schema, relationTarget(service, schema, path));
      if (!untouched) {
        outcome.kept.push(`${uid} ${path}`);
        // Still remember what was last ours: should the administrator put it back, it is ours again.
        if (path in previous) written[path] = previous[path];
        continue;
      }
      written[path] = value;
      if (!sameValue(current, value)) {
        withValue(configuration, path, value);
        changed = true;
      }
    }
    memory[uid] = written;
    if (changed) {
      await service.updateConfiguration(schema, configuration);
      outcome.written.push(uid);
    }
  }
  if (!sameValue(memory, remembered)) await store.set({ key: MEMORY_KEY, value: memory });
  return outcome;
}

/** The target's schema of a relation's `mainField` path, to recognise Strapi's default for it. */
function relationTarget(service: ContentTypesConfigurationService, schema: SchemaShape, path: string): SchemaShape | undefined {
  const [, field, , property] = path.split('.');
  if (property !== 'mainField' || field === undefined) return undefined;
  const target = (schema.attributes[field] as { targetModel?: string; target?: string } | undefined);
  const targetUid = target?.targetModel ?? target?.target;
  return targetUid ? service.findContentType(targetUid) : undefined;
}
