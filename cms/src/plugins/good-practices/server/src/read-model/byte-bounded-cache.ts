/**
 * Promises of byte strings kept under keys up to a total size, the least recently used dropped
 * first (for responses kept as sent: read-model's list responses). A pending value counts once it
 * has settled; a failed one is not kept, so the next caller computes again.
 */
export interface ByteBoundedCache {
  get(key: string, compute: () => Promise<Buffer>): Promise<Buffer>;
  /** Bytes of the values kept (settled ones). */
  readonly bytes: number;
  readonly size: number;
}

export function byteBoundedCache(maxBytes: number): ByteBoundedCache {
  /** Least recently used first. */
  const values = new Map<string, Promise<Buffer>>();
  const sizes = new Map<string, number>();
  let bytes = 0;

  const drop = (key: string): void => {
    values.delete(key);
    bytes -= sizes.get(key) ?? 0;
    sizes.delete(key);
  };

  return {
    get(key, compute) {
      const kept = values.get(key);
      if (kept) {
        values.delete(key);
        values.set(key, kept);
        return kept;
      }
      const pending = compute();
      values.set(key, pending);
      pending.then(
        (value) => {
          // Dropped meanwhile as least recently used: nothing to count.
          if (values.get(key) !== pending) return;
          sizes.set(key, value.length);
          bytes += value.length;
          for (const [oldest] of values) {
            if (bytes <= maxBytes || oldest === key) break;
            drop(oldest);
          }
        },
        () => {
          if (values.get(key) === pending) values.delete(key);
        },
      );
      return pending;
    },
    get bytes() {
      return bytes;
    },
    get size() {
      return values.size;
    },
  };
}
