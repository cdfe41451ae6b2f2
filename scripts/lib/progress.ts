/** Visible progress: every step says what it does and how long it took. */
export async function step<T>(title: string, fn: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  process.stdout.write(`▸ ${title}…\n`);
  const result = await fn();
  process.stdout.write(`✓ ${title} (${seconds(started)} s)\n`);
  return result;
}

export function seconds(startedAt: number): string {
  return ((performance.now() - startedAt) / 1000).toFixed(1);
}

export function note(message: string): void {
  process.stdout.write(`  ${message}\n`);
}
