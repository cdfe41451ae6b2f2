/**
 * Long loops over a large upload (tens of thousands of units) give the event loop a turn every
 * few milliseconds, so that the CMS keeps answering other requests (the site's reads, health
 * checks) while a file is planned and written.
 */

/** Resolves after the event loop has handled pending I/O and timers. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Call `pause()` once per item: it yields when the current slice has run for `sliceMs`. */
export function createSlicer(sliceMs = 8): { pause(): Promise<void> | undefined } {
  let sliceStart = performance.now();
  return {
    pause() {
      if (performance.now() - sliceStart < sliceMs) return undefined;
      return yieldToEventLoop().then(() => {
        sliceStart = performance.now();
      });
    },
  };
}
