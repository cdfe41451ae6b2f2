/**
 * One save of Astro's data store per build instead of one each time the loaders pause.
 *
 * Astro saves its data store (every collection, serialised whole: ~15 MB at 2,000 practices ×
 * 5 locales, ~1 s of CPU each time) 500 ms after the last change to it. The loaders run side by
 * side and wait on the CMS for seconds: the changes Astro makes when the sync starts, then each
 * loader's entries as it finishes, were each followed by a pause of more than 500 ms, so a build
 * serialised the store three or four times while reading (seen in the build's CPU profile) and
 * once more at the end, when Astro waits for the save. While a loader of ours reads, a meta value
 * of its collection is set again every {@link TOUCH_MS} ms: each change postpones the pending
 * save, so the store is serialised once, after the last loader, by Astro's own end of the sync.
 *
 * The value never changes, so the saved store is the same with or without it; if a loader fails,
 * nothing half-read is saved on the way either.
 */
import type { LoaderContext } from 'astro/loaders';

/** Under Astro's save delay (500 ms, SAVE_DEBOUNCE_MS in its mutable data store). */
export const TOUCH_MS = 200;

const KEY = 'reading';

let reading = 0;
let timer: ReturnType<typeof setInterval> | undefined;
const metas = new Set<LoaderContext['meta']>();

/** Runs `read` (a loader's work) with the store's save held back until no loader reads any more. */
export async function holdingStoreSave<T>(meta: LoaderContext['meta'], read: () => Promise<T>): Promise<T> {
  reading += 1;
  metas.add(meta);
  meta.set(KEY, 'held');
  timer ??= setInterval(() => {
    for (const held of metas) held.set(KEY, 'held');
  }, TOUCH_MS);
  try {
    return await read();
  } finally {
    reading -= 1;
    metas.delete(meta);
    if (reading === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  }
}
