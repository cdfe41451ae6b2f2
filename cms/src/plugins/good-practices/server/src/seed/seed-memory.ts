/**
 * Remembers which seed keys were ever created, in the plugin's core store, so that seeding is
 * key-by-key: a key added to a data file later is created on the next boot, while an entry an
 * editor deliberately deleted is not brought back.
 */
import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../plugin-id';

export interface SeedMemory {
  has(key: string): boolean;
  remember(key: string): void;
  save(): Promise<void>;
}

export async function openSeedMemory(strapi: Core.Strapi, name: string): Promise<SeedMemory> {
  const store = strapi.store({ type: 'plugin', name: PLUGIN_ID });
  const stored = (await store.get({ key: `seeded:${name}` })) as unknown;
  const keys = new Set(Array.isArray(stored) ? stored.filter((key): key is string => typeof key === 'string') : []);
  let changed = false;
  return {
    has: (key) => keys.has(key),
    remember: (key) => {
      if (!keys.has(key)) {
        keys.add(key);
        changed = true;
      }
    },
    save: async () => {
      if (changed) await store.set({ key: `seeded:${name}`, value: [...keys].sort() });
    },
  };
}
