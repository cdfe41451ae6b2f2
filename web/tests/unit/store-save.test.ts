/**
 * Astro's data store saved once per sync, not each time the loaders pause
 * (src/lib/cms/loaders/store-save.ts). Astro's own store (its MutableDataStore, saving to a real
 * file) with loaders that wait as the CMS loaders do: the meta changes Astro makes when a sync
 * starts, a loader that finishes early, one that reads for longer than Astro's save delay.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { holdingStoreSave } from '../../src/lib/cms/loaders/store-save';

const root = mkdtempSync(join(tmpdir(), 'gp-store-save-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface MetaStore {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  has(key: string): boolean;
  delete(key: string): void;
}
interface AstroStore {
  metaStore(collection?: string): MetaStore;
  scopedStore(collection: string): { set(entry: { id: string; data: Record<string, unknown> }): boolean };
  onFileWritten(listener: (path: string) => void): () => void;
  waitUntilSaveComplete(): Promise<void>;
}

/** Astro's mutable data store, the one `astro build` syncs into (not exported: loaded from its file). */
async function astroStore(file: string): Promise<AstroStore> {
  const astroEntry = createRequire(join(process.cwd(), 'package.json')).resolve('astro');
  const module = (await import(pathToFileURL(join(dirname(astroEntry), 'content', 'mutable-data-store.js')).href)) as {
    MutableDataStore: { fromFile(file: URL): Promise<AstroStore> };
  };
  return module.MutableDataStore.fromFile(pathToFileURL(file));
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A sync as Astro runs one: its meta changes, then the loaders side by side, then the final save. */
async function sync(name: string, hold: boolean): Promise<{ writes: number; saved: string }> {
  const file = join(root, `${name}.json`);
  const store = await astroStore(file);
  let writes = 0;
  store.onFileWritten(() => {
    writes += 1;
  });
  store.metaStore().set('astro-version', 'test');
  const loader = async (collection: string, readMs: number) => {
    const read = async () => {
      await wait(readMs);
      store.scopedStore(collection).set({ id: `${collection}-1`, data: { read: readMs } });
    };
    await (hold ? holdingStoreSave(store.metaStore(collection), read) : read());
  };
  await Promise.all([loader('sites', 50), loader('tools', 700), loader('practices', 1_400)]);
  await store.waitUntilSaveComplete();
  return { writes, saved: readFileSync(file, 'utf8') };
}

describe('the data store during the content sync', () => {
  it('is saved once, at the end, with every loader’s entries', async () => {
    const { writes, saved } = await sync('held', true);
    expect(writes).toBe(1);
    for (const id of ['sites-1', 'tools-1', 'practices-1']) expect(saved).toContain(id);
  });

  it('without the hold, Astro saves it each time the loaders pause for longer than its delay (what the hold prevents)', async () => {
    const { writes, saved } = await sync('unheld', false);
    expect(writes).toBeGreaterThan(1);
    expect(saved).toContain('practices-1');
  });
});
